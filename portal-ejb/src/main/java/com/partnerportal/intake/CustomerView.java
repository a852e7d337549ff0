package com.partnerportal.intake;

/** An account of the customer master as the API shows and takes it (contract: customers). */
public record CustomerView(String key, String name, String domain, String vatId, String country, String owner) {
}
