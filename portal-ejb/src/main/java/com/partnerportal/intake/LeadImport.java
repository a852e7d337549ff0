package com.partnerportal.intake;

import com.partnerportal.lead.LeadInput;
import com.partnerportal.lead.LeadRules;
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
 * and delivered as a lead sent alone (the same checks, quarantine, routing, idempotency on source and
 * external id). Rows whose fields are wrong are rejected before anything is stored; the others are
 * delivered {@link #CHUNK} at a time in one transaction ({@link DeliveryChunk}), and a chunk that
 * fails is delivered again row by row, each in a transaction of its own ({@link LeadIntake}), so that
 * a row is taken whole or not at all and one bad row costs no other. A row delivered before counts as
 * a duplicate, also after a crash: a chunk is stored whole or not at all.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each row's creation is a transaction of its own
public class LeadImport {

    /** The most rows one file may hold. */
    public static final int MAX_ROWS = 100_000;

    /** How many rows an import reads between two reports of its progress. */
    public static final int PROGRESS_EVERY = 500;

    /** How many rows are stored in one transaction. */
    static final int CHUNK = 100;

    @Inject
    private LeadIntake intake;

    @Inject
    private LeadService leads;

    @Inject
    private DeliveryChunk chunks;

    /** What the rows of an import came to so far. */
    private static final class Tally {
        int created;
        int duplicates;
        int updated;
        int quarantined;
        final List<ImportReport.Rejected> rejected = new ArrayList<>();

        void count(Delivery lead) {
            switch (lead.outcome()) {
                case UNCHANGED -> duplicates++;
                case UPDATED -> updated++;
                case CREATED -> {
                    if (lead.state() == LeadState.QUARANTINE) {
                        quarantined++;
                    } else {
                        created++;
                    }
                }
            }
        }

        ImportReport report() {
            return new ImportReport(created, updated, duplicates, quarantined, Collections.unmodifiableList(rejected));
        }
    }

    public ImportReport run(Caller caller, Iterator<ImportRow> rows, Locale locale) {
        return run(caller, rows, locale, ImportProgress.NONE);
    }

    /** Imports the rows, telling {@code progress} every {@link #PROGRESS_EVERY} rows and at the end. */
    public ImportReport run(Caller caller, Iterator<ImportRow> rows, Locale locale, ImportProgress progress) {
        if (!caller.has(Role.CHANNEL_MANAGER) && !caller.has(Role.LEAD_INGEST)) {
            throw new AccessDeniedException("Only a channel manager or the lead intake may import leads");
        }
        LeadRules.Catalogues catalogues = leads.catalogues();
        Tally tally = new Tally();
        List<ImportRow> pendingRows = new ArrayList<>(CHUNK);
        List<LeadInput> pending = new ArrayList<>(CHUNK);
        long read = 0;
        while (rows.hasNext()) {
            ImportRow row = rows.next();
            if (++read % PROGRESS_EVERY == 0) {
                progress.rowsRead(read - 1, tally.report());
            }
            if (row.values().values().stream().allMatch(v -> v == null || v.isBlank())) {
                continue; // an empty line, as spreadsheets leave them
            }
            List<FieldError> problems = new ArrayList<>();
            LeadInput input = LeadColumns.input(row.values(), problems);
            problems.addAll(problems(input, catalogues)); // every fault of the row at once, before anything is stored
            if (!problems.isEmpty()) {
                tally.rejected.add(rejected(row, problems, locale));
                continue;
            }
            pendingRows.add(row);
            pending.add(input);
            if (pending.size() == CHUNK) {
                deliver(caller, pendingRows, pending, tally, locale);
            }
        }
        deliver(caller, pendingRows, pending, tally, locale);
        ImportReport report = tally.report();
        progress.rowsRead(read, report);
        return new ImportReport(report.created(), report.updated(), report.duplicates(), report.quarantined(),
                tally.rejected.stream().sorted(java.util.Comparator.comparingLong(ImportReport.Rejected::line)).toList());
    }

    private static List<FieldError> problems(LeadInput input, LeadRules.Catalogues catalogues) {
        try {
            LeadRules.check(input, catalogues);
            return List.of();
        } catch (InvalidInputException e) {
            return e.errors();
        }
    }

    /** Delivers the pending rows in one transaction, or row by row when that fails; then forgets them. */
    private void deliver(Caller caller, List<ImportRow> rows, List<LeadInput> inputs, Tally tally, Locale locale) {
        if (inputs.isEmpty()) {
            return;
        }
        List<Delivery> delivered = null;
        try {
            delivered = chunks.deliver(caller, List.copyOf(inputs));
        } catch (RuntimeException e) { // a row the checks refuse, a lead another delivery stored meanwhile
            delivered = null;
        }
        if (delivered != null) {
            delivered.forEach(tally::count);
        } else {
            for (int i = 0; i < inputs.size(); i++) {
                try {
                    tally.count(intake.deliver(caller, inputs.get(i)));
                } catch (InvalidInputException e) {
                    tally.rejected.add(rejected(rows.get(i), e.errors(), locale));
                }
            }
        }
        rows.clear();
        inputs.clear();
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
