package com.partnerportal.notification;

/** What a notification is about. */
public enum NotificationType {
    /** The follow-up set on a lead the user works has come. */
    FOLLOW_UP_DUE
}
