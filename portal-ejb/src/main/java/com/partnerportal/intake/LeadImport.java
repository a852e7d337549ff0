package com.partnerportal.intake;

import com.partnerportal.lead.LeadInput;
import com.partnerportal.lead.LeadService;
import com.partnerportal.lead.LeadState;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.FieldError;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.Role;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

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

    /** How many rows an import reads between two reports of its progress. */
    public static final int PROGRESS_EVERY = 500;

    @Inject
    private LeadIntake intake;

    @Inject
    private LeadService leads;

    public ImportReport run(Caller caller, Iterator<ImportRow> rows, Locale locale) {
        return run(caller, rows, locale, ImportProgress.NONE);
    }

    /** Imports the rows, telling {@code progress} every {@link #PROGRESS_EVERY} rows and at the end. */
    public ImportReport run(Caller caller, Iterator<ImportRow> rows, Locale locale, ImportProgress progress) {
        if (!caller.has(Role.CHANNEL_MANAGER) && !caller.has(Role.LEAD_INGEST)) {
            throw new AccessDeniedException("Only a channel manager or the lead intake may import leads");
        }
        int created = 0;
        int duplicates = 0;
        int updated = 0;
        int quarantined = 0;
        List<ImportReport.Rejected> rejected = new ArrayList<>();
        List<ImportReport.Rejected> rejectedSoFar = Collections.unmodifiableList(rejected);
        long read = 0;
        while (rows.hasNext()) {
            ImportRow row = rows.next();
            if (++read % PROGRESS_EVERY == 0) {
                progress.rowsRead(read - 1, new ImportReport(created, updated, duplicates, quarantined, rejectedSoFar));
            }
            if (row.values().values().stream().allMatch(v -> v == null || v.isBlank())) {
                continue; // an empty line, as spreadsheets leave them
            }
            List<FieldError> problems = new ArrayList<>();
            LeadInput input = LeadColumns.input(row.values(), problems);
            if (!problems.isEmpty()) {
                problems.addAll(leads.problems(input)); // the lead's own checks too: every fault of the row at once
                rejected.add(rejected(row, problems, locale));
                continue;
            }
            try {
                Delivery lead = intake.deliver(caller, input);
                switch (lead.outcome()) {
                    case UNCHANGED -> duplicates++;
                    case UPDATED -> updated++;
                    case CREATED -> {
                        if (lead.lead().state() == LeadState.QUARANTINE) {
                            quarantined++;
                        } else {
                            created++;
                        }
                    }
                }
            } catch (InvalidInputException e) {
                rejected.add(rejected(row, e.errors(), locale));
            }
        }
        ImportReport report = new ImportReport(created, updated, duplicates, quarantined, rejected);
        progress.rowsRead(read, report);
        return report;
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
