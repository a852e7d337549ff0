package com.partnerportal.lead;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The states of the contract and the only moves between them. */
public enum LeadState {
    NEW, QUARANTINE, QUALIFIED, PUBLISHED, CLAIMED, CONTACTED, SALES_QUALIFIED, PROPOSAL, WON, LOST,
    RETURNED, RECALLED, WITHDRAWN, NURTURE, REJECTED;

    /** States in which a partner holds the lead and works it; they count against its capacity. */
    public static final Set<LeadState> OPEN = EnumSet.of(CLAIMED, CONTACTED, SALES_QUALIFIED, PROPOSAL);

    private static final Map<LeadState, Set<LeadState>> NEXT = Map.ofEntries(
            Map.entry(NEW, EnumSet.of(QUALIFIED, QUARANTINE, NURTURE, WITHDRAWN)),
            // held at intake: released, kept by marketing, routed to the customer's owner or rejected
            Map.entry(QUARANTINE, EnumSet.of(NEW, QUALIFIED, NURTURE, CLAIMED, REJECTED, WITHDRAWN)),
            Map.entry(QUALIFIED, EnumSet.of(PUBLISHED, QUARANTINE, WITHDRAWN)),
            Map.entry(PUBLISHED, EnumSet.of(CLAIMED, QUALIFIED, WITHDRAWN)),
            Map.entry(CLAIMED, EnumSet.of(CONTACTED, SALES_QUALIFIED, PROPOSAL, WON, RETURNED, RECALLED, LOST, WITHDRAWN)),
            Map.entry(CONTACTED, EnumSet.of(SALES_QUALIFIED, PROPOSAL, WON, RETURNED, RECALLED, LOST, WITHDRAWN)),
            Map.entry(SALES_QUALIFIED, EnumSet.of(PROPOSAL, WON, LOST, WITHDRAWN)),
            Map.entry(PROPOSAL, EnumSet.of(WON, LOST, WITHDRAWN)),
            // given back: the return reason's follow-up may send it to marketing or to the customer's owner
            Map.entry(RETURNED, EnumSet.of(PUBLISHED, QUALIFIED, LOST, WITHDRAWN, NURTURE, CLAIMED)),
            Map.entry(RECALLED, EnumSet.of(PUBLISHED, QUALIFIED, LOST, WITHDRAWN)),
            // marketing keeps it until a buying signal arrives: then it is qualified, or held for review again
            Map.entry(NURTURE, EnumSet.of(QUALIFIED, QUARANTINE, WITHDRAWN)),
            Map.entry(REJECTED, EnumSet.noneOf(LeadState.class)),
            Map.entry(WON, EnumSet.noneOf(LeadState.class)),
            Map.entry(LOST, EnumSet.noneOf(LeadState.class)),
            Map.entry(WITHDRAWN, EnumSet.noneOf(LeadState.class)));

    /**
     * The partner's pipeline, in order: a lead moves forward through it, skipping stages if it
     * likes, never back; it ends WON or LOST.
     */
    public static final java.util.List<LeadState> PIPELINE = java.util.List.of(CLAIMED, CONTACTED, SALES_QUALIFIED,
            PROPOSAL, WON, LOST);

    /**
     * How far in the pipeline a lead in {@code state} got: 1 for CLAIMED up to 5 for WON, 0 for any
     * state outside the forward pipeline (LOST, RETURNED, ...: a lead keeps the rank it had reached).
     */
    public static int reachedRank(LeadState state) {
        int index = PIPELINE.indexOf(state);
        return index < 0 || state == LOST ? 0 : index + 1;
    }

    public boolean canMoveTo(LeadState next) {
        return NEXT.get(this).contains(next);
    }
}
