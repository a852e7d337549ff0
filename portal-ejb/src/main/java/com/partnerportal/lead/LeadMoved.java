package com.partnerportal.lead;

/**
 * A lead moved from one state to another: announced inside the transaction that moves it, so that
 * whoever keeps something about leads in a state (the pool's tier windows today) keeps it with the move.
 */
public record LeadMoved(long leadId, LeadState from, LeadState to) {
}
