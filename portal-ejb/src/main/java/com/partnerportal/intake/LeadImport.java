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
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Imports the rows of a file as leads: each row is cleaned like any text that comes in, made a lead
 * and delivered as a lead sent alone (the same checks, quarantine, routing, idempotency on source and
 * external id). Rows whose fields are wrong are rejected before anything is stored; the others are
 * delivered {@link #CHUNK} at a time in one transaction ({@link DeliveryChunk}), and a chunk that
 * fails is delivered again row by row, each in a transaction of its own ({@link LeadIntake}), so that
 * a row is taken whole or not at all and one bad row costs no other. A row delivered before counts as
 * a duplicate, also after a crash: a chunk is stored whole or not at all.
 * <p>
 * {@link #IN_FLIGHT} chunks are delivered at once while the next rows are read and checked, except
 * that a chunk sharing a key with one under way (source and external id, e-mail, phone, company and
 * contact: {@link Duplicates#keys}) waits for it, so that a row finds every row before it that it
 * repeats, as if the file were delivered row by row. What the chunks came to is counted in their order.
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

    /** How many chunks are delivered at once: the database and the checks of the next rows work meanwhile. */
    static final int IN_FLIGHT = 2;

    @Inject
    private LeadIntake intake;

    @Inject
    private LeadService leads;

    @Inject
    private DeliveryChunk chunks;

    @Resource
    private ManagedExecutorService executor;

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

        void count(Delivered chunk) {
            chunk.deliveries().forEach(this::count);
            rejected.addAll(chunk.rejected());
        }

        ImportReport report() {
            return new ImportReport(created, updated, duplicates, quarantined, Collections.unmodifiableList(rejected));
        }
    }

    /** Rows checked and ready to deliver in one transaction, with every key they are compared by. */
    private record Chunk(List<ImportRow> rows, List<LeadRules.Checked> leads, Set<String> keys) {

        static Chunk of(List<ImportRow> rows, List<LeadRules.Checked> leads) {
            Set<String> keys = new HashSet<>();
            leads.forEach(lead -> keys.addAll(Duplicates.keys(lead)));
            return new Chunk(List.copyOf(rows), List.copyOf(leads), keys);
        }

        boolean sharesKeyWith(Chunk other) {
            return other.keys.stream().anyMatch(keys::contains);
        }
    }

    /** What a chunk came to: its rows delivered, and those the checks refused when it went row by row. */
    private record Delivered(List<Delivery> deliveries, List<ImportReport.Rejected> rejected) {
    }

    /** A chunk under way. */
    private record Underway(Chunk chunk, Future<Delivered> delivered) {
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
        Deque<Underway> underway = new ArrayDeque<>();
        List<ImportRow> pendingRows = new ArrayList<>(CHUNK);
        List<LeadRules.Checked> pending = new ArrayList<>(CHUNK);
        long read = 0;
        try {
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
                LeadRules.Checked checked = check(input, catalogues, problems); // every fault of the row at once, before anything is stored
                if (!problems.isEmpty()) {
                    tally.rejected.add(rejected(row, problems, locale));
                    continue;
                }
                pendingRows.add(row);
                pending.add(checked);
                if (pending.size() == CHUNK) {
                    send(caller, Chunk.of(pendingRows, pending), underway, tally, locale);
                    pendingRows.clear();
                    pending.clear();
                }
            }
            if (!pending.isEmpty()) {
                send(caller, Chunk.of(pendingRows, pending), underway, tally, locale);
            }
            while (!underway.isEmpty()) {
                tally.count(finish(underway.removeFirst()));
            }
        } finally {
            awaitAll(underway); // nothing of this import is written after it returns or fails
        }
        ImportReport report = tally.report();
        progress.rowsRead(read, report);
        return new ImportReport(report.created(), report.updated(), report.duplicates(), report.quarantined(),
                tally.rejected.stream().sorted(java.util.Comparator.comparingLong(ImportReport.Rejected::line)).toList());
    }

    /** The row's lead checked, or null with its faults added to {@code problems}. */
    private static LeadRules.Checked check(LeadInput input, LeadRules.Catalogues catalogues, List<FieldError> problems) {
        try {
            LeadRules.Checked checked = LeadRules.check(input, catalogues);
            return problems.isEmpty() ? checked : null;
        } catch (InvalidInputException e) {
            problems.addAll(e.errors());
            return null;
        }
    }

    /**
     * Starts delivering the chunk once fewer than {@link #IN_FLIGHT} are under way and none of them
     * shares a key with it, counting those that finish meanwhile.
     */
    private void send(Caller caller, Chunk chunk, Deque<Underway> underway, Tally tally, Locale locale) {
        while (underway.size() >= IN_FLIGHT || underway.stream().anyMatch(u -> u.chunk().sharesKeyWith(chunk))) {
            tally.count(finish(underway.removeFirst()));
        }
        underway.addLast(new Underway(chunk, executor.submit(() -> deliver(caller, chunk, locale))));
    }

    private static Delivered finish(Underway chunk) {
        try {
            return chunk.delivered().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The import was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    private static void awaitAll(Deque<Underway> underway) {
        for (Underway chunk : underway) {
            try {
                chunk.delivered().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // the import fails on its first fault already
            }
        }
    }

    /** Delivers the chunk in one transaction, or row by row when that fails. */
    private Delivered deliver(Caller caller, Chunk chunk, Locale locale) {
        try {
            return new Delivered(chunks.deliver(caller, chunk.leads()), List.of());
        } catch (RuntimeException e) { // a row the checks refuse, a lead another delivery stored meanwhile
            List<Delivery> deliveries = new ArrayList<>();
            List<ImportReport.Rejected> rejected = new ArrayList<>();
            for (int i = 0; i < chunk.leads().size(); i++) {
                try {
                    deliveries.add(intake.deliver(caller, chunk.leads().get(i).input()));
                } catch (InvalidInputException invalid) {
                    rejected.add(rejected(chunk.rows().get(i), invalid.errors(), locale));
                }
            }
            return new Delivered(deliveries, rejected);
        }
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
