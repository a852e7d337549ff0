package com.partnerportal.intake;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a lead import (contract: header row, names case-insensitive, any order), each with
 * the field of a lead it fills, by which the lead's checks name an error.
 */
public enum ImportColumn {
    SOURCE("source", "source", false),
    EXTERNAL_ID("externalId", "externalId", false),
    CAMPAIGN("campaign", "campaign", false),
    COMPANY_NAME("companyName", "company.name", false),
    SIZE_CLASS("sizeClass", "company.sizeClass", false),
    INDUSTRY("industry", "company.industry", false),
    COUNTRY("country", "company.country", false),
    REGION("region", "company.region", false),
    FIRST_NAME("firstName", "contact.firstName", false),
    LAST_NAME("lastName", "contact.lastName", false),
    EMAIL("email", "contact.email", false),
    PHONE("phone", "contact.phone", false),
    STREET("street", "contact.street", false),
    POSTAL_CODE("postalCode", "contact.postalCode", false),
    CITY("city", "contact.city", false),
    PRODUCT("product", "product", false),
    REQUIRED_CERTIFICATION("requiredCertification", "requiredCertification", false),
    ESTIMATED_REVENUE("estimatedRevenue", "estimatedRevenue.amount", false),
    CURRENCY("currency", "estimatedRevenue.currency", false),
    SCORE("score", "score", false),
    BUYING_SIGNALS("buyingSignals", "buyingSignals", true),
    /** The buying signals as codes, separated by commas, semicolons, bars or spaces: not in the contract's list, optional. */
    SIGNALS("signals", "signals", false),
    HANDOVER_REASON("handoverReason", "handover.reason", true),
    PROSPECT_ASKED("prospectAsked", "handover.prospectAsked", true),
    PROMISED("promised", "handover.promised", true),
    NEXT_STEP("nextStep", "handover.nextStep", true);

    /** The column's name in the header. */
    public final String header;
    /** The lead's field it fills, as the lead's checks name it. */
    final String field;
    /** Whether its text may span lines. */
    final boolean multiLine;

    ImportColumn(String header, String field, boolean multiLine) {
        this.header = header;
        this.field = field;
        this.multiLine = multiLine;
    }

    /** The column a header cell names, ignoring case and surrounding space. */
    public static Optional<ImportColumn> named(String header) {
        String name = header == null ? "" : header.strip();
        return Arrays.stream(values()).filter(c -> c.header.equalsIgnoreCase(name)).findFirst();
    }

    /** The column of a field the lead's checks named ({@code company.country}), or the field itself. */
    static String columnOf(String field) {
        String plain = field.replaceFirst("\\[\\d+]$", "");
        return Arrays.stream(values()).filter(c -> c.field.equals(plain)).map(c -> c.header).findFirst()
                .orElse(plain.toLowerCase(Locale.ROOT).equals("estimatedrevenue") ? ESTIMATED_REVENUE.header : plain);
    }
}
