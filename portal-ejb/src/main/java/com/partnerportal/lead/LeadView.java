package com.partnerportal.lead;

import com.partnerportal.platform.Caller;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The full lead, contact included: for the manufacturer and for the partner that holds it. Its
 * {@code version} changes with every change of the lead (the API's {@code ETag}). A lead whose
 * prospect was erased ({@code erasedAt}) has no contact for anyone.
 */
public record LeadView(long id, LeadState state, String source, String externalId, String campaign,
                       LeadInput.Company company, LeadInput.Contact contact, String product,
                       String requiredCertification, Money estimatedRevenue, int score, String buyingSignals,
                       LeadInput.Handover handover, String reviewNote, List<ReviewReason> reviewReasons, String partner, Instant publishedAt,
                       Instant claimedAt, Instant lastActivityAt, Instant createdAt, String assignee,
                       Money expectedRevenue, LocalDate expectedCloseDate, Instant followUpAt, String lossReasonCode,
                       String lossComment, Money wonRevenue, Instant closedAt, long version,
                       boolean consentRequired, Instant erasedAt, java.util.Set<BuyingSignal> signals,
                       List<ScorePoints> scoreReasons, RoutingVerdict.Outcome routingOutcome, RoutingTerms routingRule,
                       List<TransitionView> timeline) {

    /**
     * The lead as this caller may read it: a partner does not learn which other partner held the lead
     * before (the timeline names it "another partner", without the user who moved it); the
     * manufacturer reads it all. A lead whose prospect withdrew consent ({@code WITHDRAWN}) shows a
     * partner no contact any more, from that moment on.
     */
    public LeadView seenBy(Caller caller) {
        if (caller.isManufacturer()) {
            return this;
        }
        List<TransitionView> seen = timeline.stream().map(move -> move.seenBy(caller.partnerKey())).toList();
        return new LeadView(id, state, source, externalId, campaign, company, partnerSeesContact(state) ? contact : null,
                product, requiredCertification,
                estimatedRevenue, score, buyingSignals, handover, reviewNote, List.of(), partner, publishedAt, claimedAt,
                lastActivityAt, createdAt, assignee, expectedRevenue, expectedCloseDate, followUpAt, lossReasonCode,
                lossComment, wonRevenue, closedAt, version, consentRequired, erasedAt, signals, scoreReasons,
                routingOutcome, routingRule, seen);
    }

    /** The lead without its timeline (null, so that JSON leaves it out): what a webhook carries. */
    public LeadView withoutTimeline() {
        return new LeadView(id, state, source, externalId, campaign, company, contact, product, requiredCertification,
                estimatedRevenue, score, buyingSignals, handover, reviewNote, reviewReasons, partner, publishedAt,
                claimedAt, lastActivityAt, createdAt, assignee, expectedRevenue, expectedCloseDate, followUpAt,
                lossReasonCode, lossComment, wonRevenue, closedAt, version, consentRequired, erasedAt, signals, scoreReasons,
                routingOutcome, routingRule, null);
    }

    /** The lead with the reasons it waits for review. */
    LeadView heldFor(List<ReviewReason> reasons) {
        return new LeadView(id, state, source, externalId, campaign, company, contact, product, requiredCertification,
                estimatedRevenue, score, buyingSignals, handover, reviewNote, List.copyOf(reasons), partner, publishedAt,
                claimedAt, lastActivityAt, createdAt, assignee, expectedRevenue, expectedCloseDate, followUpAt,
                lossReasonCode, lossComment, wonRevenue, closedAt, version, consentRequired, erasedAt, signals, scoreReasons,
                routingOutcome, routingRule, timeline);
    }

    /** The score the lead's source delivered, null when the portal scored it. */
    public Integer deliveredScore() {
        return scoreReasons.stream().filter(p -> p.attribute() == ScorePoints.Attribute.DELIVERED).findFirst()
                .map(ScorePoints::points).orElse(null);
    }

    /** Whether the partner that holds a lead in this state sees its contact: not once the prospect withdrew. */
    public static boolean partnerSeesContact(LeadState state) {
        return state != LeadState.WITHDRAWN;
    }

    /**
     * One recorded move of the lead: {@code reason} in English, and the same as {@code reasonCode}
     * (a {@link MoveReason}) with its arguments, for whoever shows it in another language.
     */
    /** How a partner other than the reader is named in the reader's timeline. */
    public static final String ANOTHER_PARTNER = "another partner";

    public record TransitionView(Instant at, String actor, LeadState from, LeadState to, String reason,
                                 MoveReason reasonCode, List<String> reasonArguments) {

        /** The move with every partner but {@code own} named "another partner", and who made it then unnamed. */
        TransitionView seenBy(String own) {
            if (reasonCode == null) {
                return this;
            }
            List<String> values = new java.util.ArrayList<>(reasonArguments);
            boolean other = false;
            for (int i = 0; i < values.size(); i++) {
                if (reasonCode.arguments().get(i) == MoveReason.Argument.PARTNER && !values.get(i).equals(own)) {
                    values.set(i, ANOTHER_PARTNER);
                    other = true;
                }
            }
            return other ? new TransitionView(at, ANOTHER_PARTNER, from, to,
                    new MoveReason.Decoded(reasonCode, values).english(), reasonCode, List.copyOf(values)) : this;
        }

        static TransitionView of(Instant at, String actor, LeadState from, LeadState to, String stored) {
            MoveReason.Decoded decoded = MoveReason.decode(stored);
            return decoded == null ? new TransitionView(at, actor, from, to, stored, null, List.of())
                    : new TransitionView(at, actor, from, to, decoded.english(), decoded.reason(), decoded.values());
        }
    }
}
