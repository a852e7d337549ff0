package com.partnerportal.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/**
 * The intake checks the tests' own data would trip: the test leads are one made-up prospect
 * (the same e-mail, phone and company, a Hamburg phone and postal code on leads of every market),
 * delivered hundreds of times under new external ids. For that data the markets run as a channel
 * manager would set them up for a known bulk source: without the duplicate and country checks.
 * {@code IntakeIT} switches them on for its own tests and off again.
 */
public final class IntakeChecks {

    public static final List<String> MARKETS = List.of("DE", "AT", "CH");
    public static final List<String> TRIPPED_BY_TEST_DATA = List.of("PROBABLE_DUPLICATE", "COUNTRY_MISMATCH");

    private static boolean relaxed;

    private IntakeChecks() {
    }

    /** Switches the checks the test data trips off, once per test run. */
    public static synchronized void relaxForTestData() {
        if (!relaxed) {
            set(false);
            relaxed = true;
        }
    }

    public static void set(boolean active) {
        Api manager = Api.as("channel.manager");
        for (String country : MARKETS) {
            for (String code : TRIPPED_BY_TEST_DATA) {
                Api.Reply reply = manager.put("/intake-checks/" + country + "/" + code, "{\"active\": " + active + "}");
                assertEquals(200, reply.status(), reply::toString);
            }
        }
    }
}
