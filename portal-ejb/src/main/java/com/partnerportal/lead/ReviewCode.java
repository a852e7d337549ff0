package com.partnerportal.lead;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * Why a lead is held for review at intake (contract: review reasons), each with the English
 * sentence of its arguments; pages show them in the reader's language from the same arguments.
 * The checks of a market can be switched off one by one, except the two that protect data already
 * known: a customer nobody can route and a reviewer's correction a delivery disagrees with.
 */
public enum ReviewCode {
    /**
     * {0} the field that disagrees ({@code phone}, {@code email}, {@code postalCode}), {1} its value,
     * {2} the stated country; or {0} {@code country}, {1} a country outside the markets, {2} the markets.
     */
    COUNTRY_MISMATCH("the {0} {1} does not fit {2}", true),
    /** {0} the region, {1} the country. */
    REGION_OUTSIDE_COUNTRY("region {0} is not in country {1}", true),
    /** {0} the e-mail domain. */
    FREE_MAIL("a free-mail address ({0}): a private person or a student?", true),
    /** {0} the e-mail domain. */
    DISPOSABLE_MAIL("a disposable e-mail address ({0})", true),
    NO_CONTACT_WAY("no e-mail and no phone for the contact", true),
    /** {0} the company name as delivered. */
    NOT_A_COMPANY("\"{0}\" does not name a company", true),
    /** {0} the ids of the leads it may repeat, comma-separated. */
    PROBABLE_DUPLICATE("probably the same as lead {0}", true),
    /** {0} the customer's key, {1} its owner. */
    EXISTING_CUSTOMER("customer {0} of {1}: its owner cannot take it directly", false),
    /** {0} the column, {1} the delivered value, {2} the reviewer's correction. */
    CORRECTION_CONFLICT("{0}: the new delivery says {1}, a reviewer corrected it to {2}", false);

    private final String english;
    private final boolean switchable;

    ReviewCode(String english, boolean switchable) {
        this.english = english;
        this.switchable = switchable;
    }

    /** Whether a market may switch this check off. */
    public boolean switchable() {
        return switchable;
    }

    String english(List<String> arguments) {
        return new MessageFormat(english, Locale.ENGLISH).format(arguments.toArray());
    }
}
