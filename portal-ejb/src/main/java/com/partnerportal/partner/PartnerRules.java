package com.partnerportal.partner;

import com.partnerportal.platform.Validation;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a partner profile or availability against the catalogues and turns it into typed values;
 * reports every wrong field at once.
 */
public final class PartnerRules {

    static final int MAX_CAPACITY = 10_000;
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    /** The codes a profile may use. */
    public record Catalogues(Set<String> regions, Set<String> certifications, Set<String> products) {
    }

    /** A checked profile. */
    public record Described(String name, Tier tier, Set<String> regions, Set<String> certifications,
                            Set<String> products, Set<SizeClass> sizeFocus, Checked availability) {
    }

    /** A checked availability. */
    public record Checked(int capacity, LocalDate absentFrom, LocalDate absentUntil) {
    }

    private PartnerRules() {
    }

    public static String checkKey(String key) {
        Validation v = new Validation();
        if (key == null || !KEY.matcher(key).matches()) {
            v.reject("key", "pattern");
        }
        v.throwIfInvalid();
        return key;
    }

    public static Described check(PartnerProfile profile, Catalogues catalogues) {
        Validation v = new Validation();
        String name = v.requireText("name", profile.name(), 200);
        Tier tier = v.requireEnum("tier", profile.tier(), Tier.class);
        Set<String> regions = codes(v, "regions", profile.regions(), catalogues.regions(), true);
        Set<String> certifications = codes(v, "certifications", profile.certifications(), catalogues.certifications(), false);
        Set<String> products = codes(v, "products", profile.products(), catalogues.products(), false);
        Set<SizeClass> sizeFocus = sizes(v, profile.sizeFocus());
        Checked availability = availability(v, profile.capacity(), profile.absentFrom(), profile.absentUntil());
        v.throwIfInvalid();
        return new Described(name, tier, regions, certifications, products, sizeFocus, availability);
    }

    public static Checked check(Availability availability) {
        Validation v = new Validation();
        Checked checked = availability(v, availability.capacity(), availability.absentFrom(), availability.absentUntil());
        v.throwIfInvalid();
        return checked;
    }

    private static Checked availability(Validation v, Integer capacity, String from, String until) {
        v.requireRange("capacity", capacity, 0, MAX_CAPACITY);
        LocalDate absentFrom = v.optionalDate("absentFrom", from);
        LocalDate absentUntil = v.optionalDate("absentUntil", until);
        if ((absentFrom == null) != (absentUntil == null) && v.isValid()) {
            v.reject(absentFrom == null ? "absentFrom" : "absentUntil", "absenceBoth");
        } else if (absentFrom != null && absentUntil != null && absentUntil.isBefore(absentFrom)) {
            v.reject("absentUntil", "absenceOrder");
        }
        return new Checked(capacity == null ? 0 : capacity, absentFrom, absentUntil);
    }

    private static Set<String> codes(Validation v, String field, List<String> values, Set<String> known,
                                     boolean required) {
        Set<String> result = new LinkedHashSet<>();
        if (values == null || values.isEmpty()) {
            if (required) {
                v.reject(field, "notEmpty");
            }
            return result;
        }
        for (int i = 0; i < values.size(); i++) {
            String code = values.get(i) == null ? "" : values.get(i).strip().toUpperCase(java.util.Locale.ROOT);
            if (known.contains(code)) {
                result.add(code);
            } else {
                v.reject(field + "[" + i + "]", "unknownCode", values.get(i));
            }
        }
        return result;
    }

    private static Set<SizeClass> sizes(Validation v, List<String> values) {
        Set<SizeClass> result = EnumSet.noneOf(SizeClass.class);
        if (values == null || values.isEmpty()) {
            v.reject("sizeFocus", "notEmpty");
            return result;
        }
        for (int i = 0; i < values.size(); i++) {
            SizeClass size = v.requireEnum("sizeFocus[" + i + "]", values.get(i), SizeClass.class);
            if (size != null) {
                result.add(size);
            }
        }
        return result;
    }
}
