package com.partnerportal.intake;

import com.partnerportal.lead.LeadInput;
import com.partnerportal.lead.LeadService;
import com.partnerportal.lead.LeadState;
import com.partnerportal.lead.Money;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.CleanText;
import com.partnerportal.platform.FieldError;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.Role;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Imports the rows of a file as leads: each row is cleaned like any text that comes in, made a lead
 * and delivered as a lead sent alone ({@link LeadIntake}: the same checks, quarantine, idempotency on
 * source and external id), in a transaction of its own, so that a row is
 * taken whole or not at all and one bad row costs no other. A row delivered before counts as a
 * duplicate.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each row's creation is a transaction of its own
public class LeadImport {

    /** The most rows one file may hold. */
    public static final int MAX_ROWS = 100_000;

    /** A decimal comma as German spreadsheets write money: {@code 12500,50}. */
    private static final Pattern DECIMAL_COMMA = Pattern.compile("-?[0-9]+,[0-9]{1,2}");

    @Inject
    private LeadIntake intake;

    @Inject
    private LeadService leads;

    public ImportReport run(Caller caller, Iterator<ImportRow> rows, Locale locale) {
        if (!caller.has(Role.CHANNEL_MANAGER) && !caller.has(Role.LEAD_INGEST)) {
            throw new AccessDeniedException("Only a channel manager or the lead intake may import leads");
        }
        int created = 0;
        int duplicates = 0;
        int quarantined = 0;
        List<ImportReport.Rejected> rejected = new ArrayList<>();
        while (rows.hasNext()) {
            ImportRow row = rows.next();
            if (row.values().values().stream().allMatch(v -> v == null || v.isBlank())) {
                continue; // an empty line, as spreadsheets leave them
            }
            List<FieldError> problems = new ArrayList<>();
            LeadInput input = input(row, problems);
            if (!problems.isEmpty()) {
                problems.addAll(leads.problems(input)); // the lead's own checks too: every fault of the row at once
                rejected.add(rejected(row, problems, locale));
                continue;
            }
            try {
                LeadService.Created lead = intake.deliver(caller, input);
                if (!lead.created()) {
                    duplicates++;
                } else if (lead.lead().state() == LeadState.QUARANTINE) {
                    quarantined++;
                } else {
                    created++;
                }
            } catch (InvalidInputException e) {
                rejected.add(rejected(row, e.errors(), locale));
            }
        }
        return new ImportReport(created, 0, duplicates, quarantined, rejected);
    }

    /** The lead of a row: text cleaned as at every boundary, numbers read as spreadsheets write them. */
    private static LeadInput input(ImportRow row, List<FieldError> problems) {
        String[] v = new String[ImportColumn.values().length];
        for (ImportColumn column : ImportColumn.values()) {
            String value = row.value(column);
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
                handover.equals(new LeadInput.Handover(null, null, null, null)) ? null : handover, null);
    }

    /** The rejection of a row: each column at fault once, with its first fault. */
    private static ImportReport.Rejected rejected(ImportRow row, List<FieldError> errors, Locale locale) {
        java.util.Map<String, ImportReport.Error> byColumn = new java.util.LinkedHashMap<>();
        for (FieldError e : errors) {
            String column = ImportColumn.columnOf(e.field());
            byColumn.putIfAbsent(column, new ImportReport.Error(column, e.message(locale)));
        }
        return new ImportReport.Rejected(row.line(), List.copyOf(byColumn.values()));
    }
}
