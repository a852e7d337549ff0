package com.partnerportal.privacy;

/** How contact data of a prospect reached a user. */
public enum Access {
    /** The answer of a won claim. */
    CLAIM,
    /** The lead page. */
    LEAD_PAGE,
    /** A lead read or changed through the API, the answer carrying the contact. */
    API,
    /** A cockpit list of leads through the API. */
    LIST,
    /** A cockpit export (CSV or Excel). */
    EXPORT,
    /** The data subject's export of everything about the prospect (GDPR Art. 15). */
    DATA_EXPORT
}
