package com.partnerportal.lead;

import com.partnerportal.partner.SizeClass;
import com.partnerportal.platform.Validation;
import com.partnerportal.reference.RegionCoverage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a delivered lead field by field and decides where it starts: {@code QUARANTINE} when its
 * data needs a person's look (a region outside the stated country, no way to reach the contact),
 * {@code QUALIFIED} when it comes with a handover protocol, {@code NEW} otherwise.
 */
public final class LeadRules {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /** The codes a lead may use. */
    public record Catalogues(Set<String> regions, Set<String> products, Set<String> certifications) {
    }

    /** A checked lead, with the state it starts in and why it waits for review, if it does. */
    public record Checked(String source, String externalId, String campaign, String companyName, SizeClass sizeClass,
                          String industry, String country, String region, LeadInput.Contact contact, String product,
                          String requiredCertification, BigDecimal revenueAmount, String revenueCurrency, int score,
                          String buyingSignals, LeadInput.Handover handover, LeadState initialState,
                          String reviewNote, Boolean consentRequired) {
    }

    private LeadRules() {
    }

    public static Checked check(LeadInput in, Catalogues catalogues) {
        Validation v = new Validation();
        String source = v.requireText("source", in.source(), 60);
        String externalId = v.requireText("externalId", in.externalId(), 100);
        String campaign = optional(v, "campaign", in.campaign(), 100);

        LeadInput.Company company = in.company() == null ? new LeadInput.Company(null, null, null, null, null) : in.company();
        String companyName = v.requireText("company.name", company.name(), 200);
        SizeClass sizeClass = v.requireEnum("company.sizeClass", company.sizeClass(), SizeClass.class);
        String industry = optional(v, "company.industry", company.industry(), 100);
        String country = upper(company.country());
        if (country == null) {
            v.reject("company.country", "required");
        } else if (!COUNTRY.matcher(country).matches() || !catalogues.regions().contains(country)) {
            v.reject("company.country", "unknownCode", company.country());
        }
        String region = upper(company.region());
        if (region == null) {
            v.reject("company.region", "required");
        } else if (!catalogues.regions().contains(region)) {
            v.reject("company.region", "unknownCode", company.region());
        }

        LeadInput.Contact contact = contact(v, in.contact());
        String product = upper(in.product());
        if (product == null) {
            v.reject("product", "required");
        } else if (!catalogues.products().contains(product)) {
            v.reject("product", "unknownCode", in.product());
        }
        String certification = upper(in.requiredCertification());
        if (certification != null && !catalogues.certifications().contains(certification)) {
            v.reject("requiredCertification", "unknownCode", in.requiredCertification());
        }
        Money.Checked revenue = Money.check(v, "estimatedRevenue", in.estimatedRevenue());
        Integer score = in.score() == null ? Integer.valueOf(0) : v.requireRange("score", in.score(), 0, 100);
        String signals = optional(v, "buyingSignals", in.buyingSignals(), 1000);
        LeadInput.Handover handover = handover(v, in.handover());
        v.throwIfInvalid();

        List<String> review = new ArrayList<>();
        if (!RegionCoverage.countryOf(region).equals(country)) {
            review.add("region " + region + " is not in country " + country);
        }
        if (contact.email() == null && contact.phone() == null) {
            review.add("no e-mail and no phone for the contact");
        }
        LeadState initial = !review.isEmpty() ? LeadState.QUARANTINE
                : handover != null && handover.isComplete() ? LeadState.QUALIFIED : LeadState.NEW;
        return new Checked(source, externalId, campaign, companyName, sizeClass, industry, country, region, contact,
                product, certification, revenue == null ? null : revenue.amount(),
                revenue == null ? null : revenue.currency(), score == null ? 0 : score, signals, handover, initial,
                review.isEmpty() ? null : String.join("; ", review), in.consentRequired());
    }

    /** Checks a handover protocol on its own, as the channel manager completes it before publishing. */
    public static LeadInput.Handover checkHandover(LeadInput.Handover handover) {
        Validation v = new Validation();
        LeadInput.Handover checked = handover(v, handover);
        if (checked == null || !checked.isComplete()) {
            v.reject("handover.reason", "required");
        }
        v.throwIfInvalid();
        return checked;
    }

    private static LeadInput.Contact contact(Validation v, LeadInput.Contact c) {
        if (c == null) {
            return new LeadInput.Contact(null, null, null, null, null, null, null);
        }
        String email = optional(v, "contact.email", c.email(), 200);
        if (email != null && !EMAIL.matcher(email).matches()) {
            v.reject("contact.email", "email");
        }
        return new LeadInput.Contact(optional(v, "contact.firstName", c.firstName(), 100),
                optional(v, "contact.lastName", c.lastName(), 100), email,
                optional(v, "contact.phone", c.phone(), 50), optional(v, "contact.street", c.street(), 200),
                optional(v, "contact.postalCode", c.postalCode(), 20), optional(v, "contact.city", c.city(), 100));
    }

    private static LeadInput.Handover handover(Validation v, LeadInput.Handover h) {
        if (h == null) {
            return null;
        }
        return new LeadInput.Handover(optional(v, "handover.reason", h.reason(), 2000),
                optional(v, "handover.prospectAsked", h.prospectAsked(), 2000),
                optional(v, "handover.promised", h.promised(), 2000),
                optional(v, "handover.nextStep", h.nextStep(), 2000));
    }

    private static String optional(Validation v, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > maxLength) {
            v.reject(field, "tooLong", maxLength);
        }
        return value.strip();
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }
}
