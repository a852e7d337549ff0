package com.partnerportal.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/**
 * Tests that claim many leads give the Gold demo partner room first, and give it back its own
 * capacity afterwards, whatever earlier runs left open.
 */
public final class Capacity {

    private static final String NORDLICHT = "/partners/nordlicht";

    private Capacity() {
    }

    public static int of(String partner) {
        return Api.as("channel.manager").get("/partners/" + partner).json().getInt("capacity");
    }

    public static void set(String partner, int capacity) {
        Api.Reply reply = Api.as("channel.manager").put("/partners/" + partner + "/availability", "{\"capacity\": " + capacity + "}");
        assertEquals(200, reply.status(), reply::toString);
    }

    /**
     * The partner's count of open leads, which the claim checks against its capacity, is the number
     * of leads it holds in an open state, whatever claims, returns and recalls went before.
     */
    public static void assertOpenLeadsCounted(String partner, String rep) {
        int counted = Api.as("channel.manager").get("/partners/" + partner).json().getInt("openLeads");
        long held = 0;
        for (String state : List.of("CLAIMED", "CONTACTED", "SALES_QUALIFIED", "PROPOSAL")) {
            held += Api.as(rep).get("/leads?size=1&state=" + state).json().getJsonNumber("total").longValue();
        }
        assertEquals(held, counted, partner + "'s open leads");
    }

    /** Raises nordlicht's capacity; returns what it was, for {@link #set} after the tests. */
    public static int roomForNordlicht() {
        int before = of("nordlicht");
        set("nordlicht", 10_000);
        return before;
    }
}
