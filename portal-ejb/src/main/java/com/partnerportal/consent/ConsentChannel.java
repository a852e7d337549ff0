package com.partnerportal.consent;

/** How a decision reached the portal. */
public enum ConsentChannel {
    /** The prospect on the public consent page. */
    CONSENT_PAGE,
    /** Delivered with the lead, as the source recorded it. */
    IMPORT,
    /** The channel manager recorded what the prospect said, with a note. */
    CHANNEL_MANAGER
}
