package com.partnerportal.lead;

import java.time.Instant;
import java.util.List;

/** The full lead, contact included: for the manufacturer and for the partner that holds it. */
public record LeadView(long id, LeadState state, String source, String externalId, String campaign,
                       LeadInput.Company company, LeadInput.Contact contact, String product,
                       String requiredCertification, Money estimatedRevenue, int score, String buyingSignals,
                       LeadInput.Handover handover, String reviewNote, String partner, Instant publishedAt,
                       Instant claimedAt, Instant lastActivityAt, Instant createdAt, List<TransitionView> timeline) {

    /**
     * One recorded move of the lead: {@code reason} in English, and the same as {@code reasonCode}
     * (a {@link MoveReason}) with its arguments, for whoever shows it in another language.
     */
    public record TransitionView(Instant at, String actor, LeadState from, LeadState to, String reason,
                                 MoveReason reasonCode, List<String> reasonArguments) {

        static TransitionView of(Instant at, String actor, LeadState from, LeadState to, String stored) {
            MoveReason.Decoded decoded = MoveReason.decode(stored);
            return decoded == null ? new TransitionView(at, actor, from, to, stored, null, List.of())
                    : new TransitionView(at, actor, from, to, decoded.english(), decoded.reason(), decoded.values());
        }
    }
}
