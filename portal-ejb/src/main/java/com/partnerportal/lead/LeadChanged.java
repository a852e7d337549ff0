package com.partnerportal.lead;

/**
 * A lead's figures changed without (or besides) a move: expected revenue, first contact and the
 * like. Announced inside the transaction that changes them, for whoever keeps figures about leads
 * (the cockpit's kept rows), as {@link LeadMoved} is for moves.
 */
public record LeadChanged(long leadId) {
}
