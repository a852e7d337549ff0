package com.partnerportal.lead;

/** What a rep logs on a lead; a call, e-mail or meeting is a contact with the prospect. */
public enum ActivityKind {
    CALL, EMAIL, MEETING, NOTE;

    public boolean isContact() {
        return this != NOTE;
    }
}
