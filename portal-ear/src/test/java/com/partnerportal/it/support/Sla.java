package com.partnerportal.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs the SLA sweep as if {@code offset} (an ISO duration like {@code PT49H}) had passed: moves the
 * test server's clock, sweeps, and puts the clock back, whatever happens.
 */
public final class Sla {

    private Sla() {
    }

    public static Api.Reply sweepAfter(String offset) {
        Api admin = Api.as("portal.admin");
        try {
            assertEquals(200, admin.put("/admin/clock", "{\"offset\": \"" + offset + "\"}").status());
            Api.Reply sweep = admin.post("/admin/sla/sweep", "");
            assertEquals(200, sweep.status(), sweep::toString);
            return sweep;
        } finally {
            admin.put("/admin/clock", "{\"offset\": \"PT0S\"}");
        }
    }
}
