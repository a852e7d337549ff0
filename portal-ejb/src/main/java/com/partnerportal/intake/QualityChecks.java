package com.partnerportal.intake;

import com.partnerportal.lead.CompanyName;
import com.partnerportal.lead.LeadRules;
import com.partnerportal.lead.ReviewCode;
import com.partnerportal.lead.ReviewReason;
import com.partnerportal.reference.RegionCoverage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.validator.routines.DomainValidator;

/**
 * The data checks of the intake (seed 004's "Prüfstelle"), each naming why a lead needs a person's
 * look: a country that disagrees with the phone's country code, the e-mail's country domain or the
 * postal code's format (the first entry of a country list, chosen blind); a region outside the
 * country; a free-mail address (a private person or a student: reviewed, not rejected); a disposable
 * address; no way to reach the contact; a company name that names no company.
 */
public final class QualityChecks {

    private static final Set<String> FREE_MAIL = domains("free-mail-domains.txt");
    private static final Set<String> DISPOSABLE_MAIL = domains("disposable-mail-domains.txt");
    /** Country domains sold to anyone as if generic: they say nothing about a country. */
    private static final Set<String> GENERIC_COUNTRY_DOMAINS = Set.of("io", "co", "me", "tv", "ai", "cc", "ly", "fm",
            "ws", "to", "gg", "sh", "am", "eu");
    /**
     * How postal codes are written, for the portal's markets, their neighbours and the countries at
     * the top of alphabetic lists (where a blind choice lands). A country not here is not checked.
     */
    private static final Map<String, Pattern> POSTAL_CODES = Map.ofEntries(
            Map.entry("DE", Pattern.compile("\\d{5}")), Map.entry("AT", Pattern.compile("\\d{4}")),
            Map.entry("CH", Pattern.compile("\\d{4}")), Map.entry("LI", Pattern.compile("94\\d{2}")),
            Map.entry("FR", Pattern.compile("\\d{5}")), Map.entry("IT", Pattern.compile("\\d{5}")),
            Map.entry("NL", Pattern.compile("\\d{4} ?[A-Z]{2}")), Map.entry("BE", Pattern.compile("\\d{4}")),
            Map.entry("LU", Pattern.compile("(L-)?\\d{4}")), Map.entry("DK", Pattern.compile("\\d{4}")),
            Map.entry("PL", Pattern.compile("\\d{2}-\\d{3}")), Map.entry("CZ", Pattern.compile("\\d{3} ?\\d{2}")),
            Map.entry("AF", Pattern.compile("\\d{4}")), Map.entry("AL", Pattern.compile("\\d{4}")),
            Map.entry("DZ", Pattern.compile("\\d{5}")), Map.entry("AD", Pattern.compile("AD\\d{3}")),
            Map.entry("AR", Pattern.compile("[A-Z]?\\d{4}([A-Z]{3})?")), Map.entry("AU", Pattern.compile("\\d{4}")),
            Map.entry("US", Pattern.compile("\\d{5}(-\\d{4})?")));
    /** A salutation written before the name in the company field. */
    private static final Pattern SALUTATION = Pattern.compile("^(herr|frau|mr|mrs|ms) ");
    /** Words a web form gets in its company field from people who have none. */
    private static final Set<String> NO_COMPANY = Set.of("privat", "private", "privatperson", "privatkunde", "student",
            "studentin", "student in", "schueler", "schuelerin", "none", "keine", "kein", "keins", "na", "nn", "test",
            "testfirma", "xxx", "x", "asdf", "home", "ich", "me", "self", "selbst", "rentner", "hausfrau", "hausmann",
            "nicht vorhanden", "no company", "individual", "personal");

    private QualityChecks() {
    }

    /** Every reason this lead needs a look, of the checks {@code active} in its market. */
    public static List<ReviewReason> of(LeadRules.Checked lead, Set<ReviewCode> active, Set<String> markets) {
        List<ReviewReason> reasons = new ArrayList<>();
        if (!markets.contains(lead.country())) { // never switched off: no market's rules apply to it
            reasons.add(ReviewReason.of(ReviewCode.COUNTRY_MISMATCH, "country", lead.country(),
                    String.join(", ", new java.util.TreeSet<>(markets))));
        }
        if (active.contains(ReviewCode.COUNTRY_MISMATCH)) {
            reasons.addAll(countryMismatches(lead));
        }
        if (active.contains(ReviewCode.REGION_OUTSIDE_COUNTRY) && !RegionCoverage.countryOf(lead.region()).equals(lead.country())) {
            reasons.add(ReviewReason.of(ReviewCode.REGION_OUTSIDE_COUNTRY, lead.region(), lead.country()));
        }
        String domain = lead.keys().emailDomain();
        if (domain != null && active.contains(ReviewCode.DISPOSABLE_MAIL) && DISPOSABLE_MAIL.contains(domain)) {
            reasons.add(ReviewReason.of(ReviewCode.DISPOSABLE_MAIL, domain));
        } else if (domain != null && active.contains(ReviewCode.FREE_MAIL) && isFreeMail(domain)) {
            reasons.add(ReviewReason.of(ReviewCode.FREE_MAIL, domain));
        }
        if (active.contains(ReviewCode.NO_CONTACT_WAY) && lead.contact().email() == null && lead.contact().phone() == null) {
            reasons.add(ReviewReason.of(ReviewCode.NO_CONTACT_WAY));
        }
        if (active.contains(ReviewCode.NOT_A_COMPANY) && !namesACompany(lead)) {
            reasons.add(ReviewReason.of(ReviewCode.NOT_A_COMPANY, lead.companyName()));
        }
        return reasons;
    }

    /** Whether a domain is a free-mail provider's: a company's address says nothing of it. */
    public static boolean isFreeMail(String domain) {
        return domain != null && (FREE_MAIL.contains(domain) || DISPOSABLE_MAIL.contains(domain));
    }

    /**
     * The fields that say the lead is from another country than the one stated: the phone's country
     * code (only when written internationally: a national number takes the stated country), the
     * e-mail's country domain, the postal code's format. A country outside the portal's markets is
     * itself a mismatch.
     */
    private static List<ReviewReason> countryMismatches(LeadRules.Checked lead) {
        List<ReviewReason> reasons = new ArrayList<>();
        String country = lead.country();
        String phoneCountry = lead.keys().phoneCountry();
        if (phoneCountry != null && !phoneCountry.equals(country)) {
            reasons.add(ReviewReason.of(ReviewCode.COUNTRY_MISMATCH, "phone", lead.contact().phone(), country));
        }
        String domain = lead.keys().emailDomain();
        String mailCountry = domain == null ? null : mailCountry(domain);
        if (mailCountry != null && !mailCountry.equals(country)) {
            reasons.add(ReviewReason.of(ReviewCode.COUNTRY_MISMATCH, "email", lead.contact().email(), country));
        }
        String postalCode = lead.contact().postalCode();
        Pattern format = POSTAL_CODES.get(country);
        if (postalCode != null && format != null && !format.matcher(postalCode.toUpperCase(Locale.ROOT)).matches()) {
            reasons.add(ReviewReason.of(ReviewCode.COUNTRY_MISMATCH, "postalCode", postalCode, country));
        }
        return reasons;
    }

    /** The country an e-mail domain names by its top-level domain, or null for a generic one. */
    private static String mailCountry(String domain) {
        String tld = domain.substring(domain.lastIndexOf('.') + 1);
        if (tld.length() != 2 || GENERIC_COUNTRY_DOMAINS.contains(tld)
                || !DomainValidator.getInstance().isValidCountryCodeTld(tld)) {
            return null;
        }
        return tld.equals("uk") ? "GB" : tld.toUpperCase(Locale.ROOT);
    }

    /** Whether the company field names a company: not empty of words, not the contact's own name, not "private". */
    private static boolean namesACompany(LeadRules.Checked lead) {
        String plain = String.join(" ", CompanyName.words(lead.companyName()));
        if (plain.isEmpty() || NO_COMPANY.contains(plain) || plain.chars().allMatch(c -> Character.isDigit(c) || c == ' ')) {
            return false;
        }
        List<String> first = CompanyName.words(lead.contact().firstName());
        List<String> last = CompanyName.words(lead.contact().lastName());
        String person = joined(first, last);
        return person.isEmpty() || !(plain.equals(person) || plain.equals(joined(last, first))
                || SALUTATION.matcher(plain).replaceFirst("").equals(person));
    }

    private static String joined(List<String> words, List<String> more) {
        return String.join(" ", words) + (words.isEmpty() || more.isEmpty() ? "" : " ") + String.join(" ", more);
    }

    private static Set<String> domains(String resource) {
        try (InputStream in = QualityChecks.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing list " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
