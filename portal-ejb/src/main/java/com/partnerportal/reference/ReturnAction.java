package com.partnerportal.reference;

/**
 * What follows when a partner gives a lead back with a return reason (seed 004: each code with its
 * measure): the channel manager reviews it, marketing keeps it, the customer's owner gets it, or it is
 * closed as lost.
 */
public enum ReturnAction {
    /** Waits for the channel manager (RETURNED), who publishes it again, qualifies it or closes it. */
    REVIEW,
    /** Marketing keeps it until a buying signal arrives (NURTURE). */
    NURTURE,
    /** To the partner that owns its company in the customer master; without one, as REVIEW. */
    OWNER,
    /** Closed as lost, with the loss reason {@code GIVEN_BACK}. */
    LOST
}
