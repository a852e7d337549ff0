package com.partnerportal.notification;

/** What a notification is about. */
public enum NotificationType {
    /** A published lead is the user's partner's to take now: it is in the partner's marketplace. */
    LEAD_OFFERED,
    /** A webhook endpoint of the user's partner was disabled: it answered 410, or failed for days. */
    WEBHOOK_DISABLED,
    /** The follow-up set on a lead the user works has come. */
    FOLLOW_UP_DUE,
    /** The prospect of a lead the user's partner held withdrew consent for it: the lead is gone from the partner. */
    CONSENT_WITHDRAWN
}
