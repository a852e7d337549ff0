package com.partnerportal.reference;

/** The code lists kept in {@code catalog_entry}. */
public enum Catalog {
    PRODUCT, CERTIFICATION, LOSS_REASON, RETURN_REASON, REJECT_REASON, DECLINE_REASON
}
