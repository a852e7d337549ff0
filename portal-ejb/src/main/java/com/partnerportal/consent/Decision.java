package com.partnerportal.consent;

/** What a prospect decided about one partner: allowed, refused, or not asked yet ({@code NONE}, never stored). */
public enum Decision {
    ALLOWED, REFUSED, NONE
}
