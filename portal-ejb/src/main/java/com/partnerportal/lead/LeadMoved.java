package com.partnerportal.lead;

/**
 * A lead moved from one state to another ({@code from} is null for a new lead): announced by
 * {@link LeadMoves} inside the transaction that moves it, so that whoever keeps something about leads
 * in a state (the pool's tier windows today) keeps it with the move.
 */
public record LeadMoved(long leadId, LeadState from, LeadState to) {
}
