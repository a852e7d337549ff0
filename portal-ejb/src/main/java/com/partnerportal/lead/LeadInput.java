package com.partnerportal.lead;

import com.partnerportal.platform.MultiLine;

/**
 * A lead as marketing delivers it ({@code POST /api/leads}), raw so that every wrong value is
 * reported against its field.
 */
public record LeadInput(String source, String externalId, String campaign, Company company, Contact contact,
                        String product, String requiredCertification, Money estimatedRevenue, Integer score,
                        @MultiLine String buyingSignals, Handover handover, Boolean consentRequired,
                        java.util.List<String> signals) {

    public record Company(String name, String sizeClass, String industry, String country, String region) {
    }

    public record Contact(String firstName, String lastName, String email, String phone, String street,
                          String postalCode, String city) {

        /** The contact, or null when it holds nothing (never given, or erased). */
        public static Contact of(String firstName, String lastName, String email, String phone, String street,
                                 String postalCode, String city) {
            Contact contact = new Contact(firstName, lastName, email, phone, street, postalCode, city);
            return contact.equals(new Contact(null, null, null, null, null, null, null)) ? null : contact;
        }
    }

    /** Why the lead is handed over, what the prospect asked for, what was promised, the next step. */
    public record Handover(@MultiLine String reason, @MultiLine String prospectAsked, @MultiLine String promised,
                           @MultiLine String nextStep) {

        public boolean isComplete() {
            return reason != null && !reason.isBlank();
        }
    }
}
