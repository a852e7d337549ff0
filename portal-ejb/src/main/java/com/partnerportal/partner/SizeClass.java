package com.partnerportal.partner;

/** Company size of a prospect, and the sizes a partner focuses on. */
public enum SizeClass {
    SMALL, MEDIUM, ENTERPRISE
}
