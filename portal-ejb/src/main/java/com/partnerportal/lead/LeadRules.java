package com.partnerportal.lead;

import com.partnerportal.partner.SizeClass;
import com.partnerportal.platform.Validation;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * Checks a delivered lead field by field: codes from the catalogues, e-mail and phone as the
 * libraries that know them read them (Commons Validator, libphonenumber), lengths. A country outside
 * the portal's markets is taken if it is a country at all: a web form's list may have offered it, and
 * the intake's checks hold such a lead for review rather than lose it. Where the lead starts is the
 * intake's decision ({@link Screening}).
 */
public final class LeadRules {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** The codes a lead may use. */
    public record Catalogues(Set<String> regions, Set<String> products, Set<String> certifications) {
    }

    /** A checked lead, with the keys the intake compares it by and the input it was checked from. */
    public record Checked(String source, String externalId, String campaign, String companyName, SizeClass sizeClass,
                          String industry, String country, String region, LeadInput.Contact contact, String product,
                          String requiredCertification, BigDecimal revenueAmount, String revenueCurrency, Integer score,
                          String buyingSignals, LeadInput.Handover handover, Boolean consentRequired,
                          Keys keys, Set<BuyingSignal> signals, LeadInput input) {

        public Checked {
            signals = signals.isEmpty() ? java.util.EnumSet.noneOf(BuyingSignal.class) : java.util.EnumSet.copyOf(signals);
        }

        /** The lead with a handover protocol whose reason is {@code reason} (the routing rule's, written by the intake). */
        public Checked handedOverBecause(String reason) {
            LeadInput.Handover protocol = handover == null ? new LeadInput.Handover(reason, null, null, null)
                    : new LeadInput.Handover(reason, handover.prospectAsked(), handover.promised(), handover.nextStep());
            return new Checked(source, externalId, campaign, companyName, sizeClass, industry, country, region, contact,
                    product, requiredCertification, revenueAmount, revenueCurrency, score, buyingSignals, protocol,
                    consentRequired, keys, signals, input);
        }

        /** Whether it comes with a handover protocol saying why it goes to sales. */
        public boolean handedOver() {
            return handover != null && handover.isComplete();
        }
    }

    /**
     * What the intake compares a lead by: the company name's key ({@link CompanyName}), the e-mail in
     * lower case and its domain, the phone in international form (E.164) and the country its number
     * belongs to, each null when not given.
     */
    public record Keys(String company, String email, String emailDomain, String phone, String phoneCountry) {
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
        } else if (!COUNTRY.matcher(country).matches() || !COUNTRIES.contains(country)) {
            v.reject("company.country", "unknownCode", company.country());
        }
        String region = upper(company.region());
        if (region == null) {
            v.reject("company.region", "required");
        } else if (!catalogues.regions().contains(region)) {
            v.reject("company.region", "unknownCode", company.region());
        }

        LeadInput.Contact contact = contact(v, in.contact());
        Phonenumber.PhoneNumber phone = phone(v, contact.phone(), country);
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
        Integer score = in.score() == null ? null : v.requireRange("score", in.score(), 0, 100);
        String signals = optional(v, "buyingSignals", in.buyingSignals(), 1000);
        Set<BuyingSignal> signalCodes = signals(v, in.signals());
        LeadInput.Handover handover = handover(v, in.handover());
        v.throwIfInvalid();

        String email = contact.email() == null ? null : contact.email().toLowerCase(Locale.ROOT);
        return new Checked(source, externalId, campaign, companyName, sizeClass, industry, country, region, contact,
                product, certification, revenue == null ? null : revenue.amount(),
                revenue == null ? null : revenue.currency(), score, signals, handover,
                in.consentRequired(), new Keys(CompanyName.key(companyName), email,
                        email == null ? null : email.substring(email.lastIndexOf('@') + 1),
                        phone == null ? null : PHONES.format(phone, PhoneNumberUtil.PhoneNumberFormat.E164), countryOf(phone)),
                signalCodes, in);
    }

    /** The buying signals as codes of {@link BuyingSignal}: each unknown one named with its place. */
    private static Set<BuyingSignal> signals(Validation v, java.util.List<String> codes) {
        Set<BuyingSignal> signals = java.util.EnumSet.noneOf(BuyingSignal.class);
        if (codes == null) {
            return signals;
        }
        for (int i = 0; i < codes.size(); i++) {
            String code = upper(codes.get(i));
            if (code == null) {
                continue;
            }
            try {
                signals.add(BuyingSignal.valueOf(code));
            } catch (IllegalArgumentException e) {
                v.reject("signals[" + i + "]", "unknownCode", codes.get(i));
            }
        }
        return signals;
    }

    /** The phone as libphonenumber reads it, or a field error when it is no phone number at all. */
    private static Phonenumber.PhoneNumber phone(Validation v, String phone, String country) {
        if (phone == null) {
            return null;
        }
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(phone, country == null ? "ZZ" : country);
            if (PHONES.isPossibleNumber(number)) {
                return number;
            }
        } catch (NumberParseException e) {
            // reported below
        }
        v.reject("contact.phone", "phone");
        return null;
    }

    /**
     * The country a number belongs to (a national number: the stated country's), or the first of its
     * country code's for a number no country claims; null without a number.
     */
    private static String countryOf(Phonenumber.PhoneNumber number) {
        if (number == null) {
            return null;
        }
        String region = PHONES.getRegionCodeForNumber(number);
        return region == null || region.equals("001") ? PHONES.getRegionCodeForCountryCode(number.getCountryCode()) : region;
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
        if (email != null && !EmailValidator.getInstance().isValid(email)) {
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
