package com.partnerportal.consent;

import com.partnerportal.partner.Tier;
import java.time.Instant;
import java.util.List;

/**
 * A lead's consents (contract: {@code GET /api/leads/{id}/consents}): the decision that holds now for
 * each partner that fits the lead or was decided on, and the ledger of every decision, oldest first.
 */
public record ConsentsView(boolean consentRequired, List<Current> current, List<Entry> ledger) {

    /** The decision that holds for a partner now; {@code NONE} and no time when the prospect was not asked. */
    public record Current(String partner, String name, String city, Tier tier, Decision decision, Instant at) {
    }

    /** One decision as it was made: when, about whom, what, how, after reading which text, by whom, why. */
    public record Entry(Instant at, String partner, Decision decision, ConsentChannel channel, String textVersion,
                        String actor, String note) {
    }
}
