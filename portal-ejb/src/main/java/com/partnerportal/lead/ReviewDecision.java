package com.partnerportal.lead;

/** What the channel manager decides about a lead held for review (contract: {@code POST /api/leads/{id}/review}). */
public enum ReviewDecision {
    /** The data is fine (corrected, or the reasons do not matter): to QUALIFIED, or NEW while its handover protocol is missing. */
    RELEASE,
    /** The same as another lead: this one ends, its contact fills what the other lacks. */
    MERGE,
    /** A lead of a known customer: to the partner that owns it. */
    ROUTE_TO_OWNER,
    /** Not ready for sales: marketing keeps it ({@code NURTURE}). */
    NURTURE,
    /** Not a lead at all: it ends, with a reason from the reject-reason catalogue. */
    REJECT
}
