package com.partnerportal.intake;

import com.partnerportal.lead.LeadInput;
import com.partnerportal.lead.LeadView;
import com.partnerportal.lead.Money;
import com.partnerportal.platform.CleanText;
import com.partnerportal.platform.FieldError;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A lead as the columns of the import name its fields (contract: CSV import columns): read from a
 * file's row, and written from a stored lead, so that a reviewer's corrections are named and applied
 * by the same columns as a delivery.
 */
final class LeadColumns {

    /** A decimal comma as German spreadsheets write money: {@code 12500,50}. */
    private static final Pattern DECIMAL_COMMA = Pattern.compile("-?[0-9]+,[0-9]{1,2}");

    private LeadColumns() {
    }

    /** The lead of a row's values: text cleaned as at every boundary, numbers read as spreadsheets write them. */
    static LeadInput input(Map<ImportColumn, String> values, List<FieldError> problems) {
        String[] v = new String[ImportColumn.values().length];
        for (ImportColumn column : ImportColumn.values()) {
            String value = values.get(column);
            String problem = CleanText.problem(value, column.multiLine);
            if (problem != null) {
                problems.add(new FieldError(column.header, problem));
            } else {
                v[column.ordinal()] = CleanText.normalize(value == null ? null : value.strip());
            }
        }
        Integer score = null;
        String rawScore = v[ImportColumn.SCORE.ordinal()];
        if (rawScore != null) {
            try {
                score = new java.math.BigDecimal(rawScore).intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                problems.add(new FieldError(ImportColumn.SCORE.header, "wholeNumber"));
            }
        }
        String amount = v[ImportColumn.ESTIMATED_REVENUE.ordinal()];
        if (amount != null && DECIMAL_COMMA.matcher(amount).matches()) {
            amount = amount.replace(',', '.');
        }
        String currency = v[ImportColumn.CURRENCY.ordinal()];
        Money revenue = amount == null && currency == null ? null : new Money(amount, currency == null ? "EUR" : currency);
        LeadInput.Handover handover = new LeadInput.Handover(v[ImportColumn.HANDOVER_REASON.ordinal()],
                v[ImportColumn.PROSPECT_ASKED.ordinal()], v[ImportColumn.PROMISED.ordinal()], v[ImportColumn.NEXT_STEP.ordinal()]);
        return new LeadInput(v[ImportColumn.SOURCE.ordinal()], v[ImportColumn.EXTERNAL_ID.ordinal()],
                v[ImportColumn.CAMPAIGN.ordinal()],
                new LeadInput.Company(v[ImportColumn.COMPANY_NAME.ordinal()], v[ImportColumn.SIZE_CLASS.ordinal()],
                        v[ImportColumn.INDUSTRY.ordinal()], v[ImportColumn.COUNTRY.ordinal()], v[ImportColumn.REGION.ordinal()]),
                new LeadInput.Contact(v[ImportColumn.FIRST_NAME.ordinal()], v[ImportColumn.LAST_NAME.ordinal()],
                        v[ImportColumn.EMAIL.ordinal()], v[ImportColumn.PHONE.ordinal()], v[ImportColumn.STREET.ordinal()],
                        v[ImportColumn.POSTAL_CODE.ordinal()], v[ImportColumn.CITY.ordinal()]),
                v[ImportColumn.PRODUCT.ordinal()], v[ImportColumn.REQUIRED_CERTIFICATION.ordinal()], revenue, score,
                v[ImportColumn.BUYING_SIGNALS.ordinal()],
                handover.equals(new LeadInput.Handover(null, null, null, null)) ? null : handover, null,
                signals(v[ImportColumn.SIGNALS.ordinal()]));
    }

    /** The codes of a signals cell: {@code QUOTE_REQUEST, EVENT} or {@code QUOTE_REQUEST;EVENT}. */
    private static List<String> signals(String cell) {
        return cell == null ? null : java.util.Arrays.stream(cell.split("[,;|\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    /** A stored lead's values by column, as a file would deliver them. */
    static Map<ImportColumn, String> of(LeadView lead) {
        var company = lead.company();
        return of(new LeadInput(lead.source(), lead.externalId(), lead.campaign(),
                new LeadInput.Company(company.name(), company.sizeClass(), company.industry(), company.country(), company.region()),
                lead.contact(), lead.product(), lead.requiredCertification(), lead.estimatedRevenue(), lead.deliveredScore(),
                lead.buyingSignals(), lead.handover(), null, lead.signals().stream().map(Enum::name).toList()));
    }

    /** A delivered lead's values by column, as a file would deliver them. */
    static Map<ImportColumn, String> of(LeadInput lead) {
        Map<ImportColumn, String> v = new EnumMap<>(ImportColumn.class);
        v.put(ImportColumn.SOURCE, lead.source());
        v.put(ImportColumn.EXTERNAL_ID, lead.externalId());
        v.put(ImportColumn.CAMPAIGN, lead.campaign());
        LeadInput.Company company = lead.company();
        if (company != null) {
            v.put(ImportColumn.COMPANY_NAME, company.name());
            v.put(ImportColumn.SIZE_CLASS, company.sizeClass());
            v.put(ImportColumn.INDUSTRY, company.industry());
            v.put(ImportColumn.COUNTRY, company.country());
            v.put(ImportColumn.REGION, company.region());
        }
        LeadInput.Contact c = lead.contact();
        if (c != null) {
            v.put(ImportColumn.FIRST_NAME, c.firstName());
            v.put(ImportColumn.LAST_NAME, c.lastName());
            v.put(ImportColumn.EMAIL, c.email());
            v.put(ImportColumn.PHONE, c.phone());
            v.put(ImportColumn.STREET, c.street());
            v.put(ImportColumn.POSTAL_CODE, c.postalCode());
            v.put(ImportColumn.CITY, c.city());
        }
        v.put(ImportColumn.PRODUCT, lead.product());
        v.put(ImportColumn.REQUIRED_CERTIFICATION, lead.requiredCertification());
        if (lead.estimatedRevenue() != null) {
            v.put(ImportColumn.ESTIMATED_REVENUE, lead.estimatedRevenue().amount());
            v.put(ImportColumn.CURRENCY, lead.estimatedRevenue().currency());
        }
        v.put(ImportColumn.SCORE, lead.score() == null ? null : String.valueOf(lead.score()));
        v.put(ImportColumn.BUYING_SIGNALS, lead.buyingSignals());
        v.put(ImportColumn.SIGNALS, lead.signals() == null || lead.signals().isEmpty() ? null
                : String.join(",", lead.signals()));
        LeadInput.Handover h = lead.handover();
        if (h != null) {
            v.put(ImportColumn.HANDOVER_REASON, h.reason());
            v.put(ImportColumn.PROSPECT_ASKED, h.prospectAsked());
            v.put(ImportColumn.PROMISED, h.promised());
            v.put(ImportColumn.NEXT_STEP, h.nextStep());
        }
        return v;
    }
}
