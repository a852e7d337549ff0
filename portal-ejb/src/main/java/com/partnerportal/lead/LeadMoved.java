package com.partnerportal.lead;

/**
 * A lead moved from one state to another ({@code from} is null for a new lead): announced by
 * {@link LeadMoves} inside the transaction that moves it, so that whoever keeps something about leads
 * in a state (the pool's tier windows, the webhooks' outbox) keeps it with the move. {@code partner} is
 * the partner that holds the lead after the move, or for a move that takes it from a partner, held it
 * before; null when none did. {@code lead} is the lead as the move left it, where the mover read it
 * back anyway (the claim), so that nobody reads it again; null otherwise.
 */
public record LeadMoved(long leadId, LeadState from, LeadState to, String partner, LeadView lead) {

    public LeadMoved(long leadId, LeadState from, LeadState to, String partner) {
        this(leadId, from, to, partner, null);
    }
}
