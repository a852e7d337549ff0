package com.partnerportal.intake;

import com.partnerportal.platform.CleanText;
import com.partnerportal.platform.Validation;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.DomainValidator;

/** Checks an account of the customer master field by field, as delivered: every fault at once. */
public final class CustomerRules {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** A VAT id: the country's two letters and up to 13 letters and digits (EU VIES, Swiss CHE). */
    private static final Pattern VAT_ID = Pattern.compile("[A-Z]{2}[A-Z0-9]{2,13}");
    private static final Pattern SCHEME_AND_WWW = Pattern.compile("^(https?://)?(www\\.)?");

    /** An account checked and cleaned: the domain without scheme or {@code www.}, the VAT id without spaces or dots. */
    public record Checked(String key, String name, String domain, String vatId, String country, String owner) {
    }

    private CustomerRules() {
    }

    /** Checks {@code input}; {@code owners} says whether a key names a partner. */
    public static Checked check(CustomerView input, Predicate<String> isPartner) {
        Validation v = new Validation();
        CustomerView in = input == null ? new CustomerView(null, null, null, null, null, null) : input;
        String key = v.requireText("key", in.key(), 100);
        String name = v.requireText("name", in.name(), 200);
        String domain = CleanText.blankToNull(in.domain());
        if (domain != null) {
            domain = SCHEME_AND_WWW.matcher(domain.toLowerCase(Locale.ROOT)).replaceFirst("").replaceFirst("/.*$", "");
            if (!DomainValidator.getInstance().isValid(domain)) {
                v.reject("domain", "unknownCode", in.domain());
            }
        }
        String vatId = CleanText.blankToNull(in.vatId());
        if (vatId != null) {
            vatId = vatId.toUpperCase(Locale.ROOT).replaceAll("[\\s.\\-]", "");
            if (!VAT_ID.matcher(vatId).matches()) {
                v.reject("vatId", "unknownCode", in.vatId());
            }
        }
        String country = CleanText.blankToNull(in.country());
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                v.reject("country", "unknownCode", in.country());
            }
        }
        String owner = CleanText.blankToNull(in.owner());
        if (owner == null) {
            v.reject("owner", "required");
        } else if (!owner.equals(Customer.MANUFACTURER) && !isPartner.test(owner)) {
            v.reject("owner", "customerOwner");
        }
        v.throwIfInvalid();
        return new Checked(key, name, domain, vatId, country, owner);
    }

}
