package com.partnerportal.intake;

import com.partnerportal.platform.Caller;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.platform.Role;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports that run in the background (contract: {@code Prefer: respond-async}): each is a row that
 * says how far it got and what came of its rows so far, written in a transaction of its own every
 * {@link LeadImport#PROGRESS_EVERY} rows, so that anyone may watch it and a stop of the server
 * leaves it readable. The rows themselves are idempotent ({@link LeadIntake}): the same file imported
 * again after a stop adds each row that is missing and none twice.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW) // progress outlives whatever the import does next
public class ImportJobs {

    /** Where an import is. */
    public enum State { RUNNING, DONE, FAILED, INTERRUPTED }

    /** An import as its watchers see it: its progress and, as far as it got, its report (complete once DONE). */
    public record View(long id, State state, String fileName, String startedBy, Instant startedAt, Instant finishedAt,
                       long rowsTotal, long rowsDone, int created, int updated, int duplicates, int quarantined,
                       List<ImportReport.Rejected> rejected, String failure) {

        public boolean finished() {
            return state != State.RUNNING;
        }

        /** How far it got, 0 to 100. */
        public int percent() {
            return finished() ? 100 : rowsTotal == 0 ? 0 : (int) Math.min(99, rowsDone * 100 / rowsTotal);
        }

        public ImportReport report() {
            return new ImportReport(created, updated, duplicates, quarantined, rejected);
        }
    }

    /** This server's name: {@code jboss.node.name}, which every WildFly sets (the host name by default). */
    static String node() {
        return System.getProperty("jboss.node.name", "portal");
    }

    @PersistenceContext
    private EntityManager em;

    /** An import of {@code rowsTotal} rows begins on this server. */
    public long start(Caller caller, String fileName, long rowsTotal) {
        ImportJob job = new ImportJob();
        job.startedBy = caller.username();
        job.startedAt = Instant.now();
        job.node = node();
        job.fileName = fileName == null || fileName.isBlank() ? null : fileName.strip();
        job.state = State.RUNNING;
        job.rowsTotal = rowsTotal;
        em.persist(job);
        em.flush();
        return job.id;
    }

    /**
     * How far it got: the counts so far, and the rejections from {@code stored} on (those before are
     * stored already). Returns how many rejections are stored now.
     */
    public int progress(long id, long rows, ImportReport soFar, int stored) {
        ImportJob job = em.find(ImportJob.class, id);
        job.count(rows, soFar);
        List<ImportReport.Rejected> rejected = soFar.rejected();
        for (ImportReport.Rejected row : rejected.subList(stored, rejected.size())) {
            for (ImportReport.Error error : row.errors()) {
                em.createNativeQuery("insert into lead_import_rejection (import_id, line, field, message) values (:id, :line, :field, :message)")
                        .setParameter("id", id).setParameter("line", row.line()).setParameter("field", error.field())
                        .setParameter("message", error.message()).executeUpdate();
            }
        }
        return rejected.size();
    }

    public void done(long id) {
        ImportJob job = em.find(ImportJob.class, id);
        job.state = State.DONE;
        job.rowsDone = job.rowsTotal;
        job.finishedAt = Instant.now();
    }

    /** The import stopped on a fault of its file or of the server; the rows it took stay. */
    public void failed(long id, String failure) {
        ImportJob job = em.find(ImportJob.class, id);
        job.state = State.FAILED;
        job.failure = failure.length() > 1000 ? failure.substring(0, 1000) : failure;
        job.finishedAt = Instant.now();
    }

    /** At start: what this server was running when it stopped was cut short; the same file again finishes it. */
    public int interruptedOnThisNode() {
        return em.createQuery("""
                        update ImportJob j set j.state = :interrupted, j.finishedAt = :now
                        where j.state = :running and j.node = :node""")
                .setParameter("interrupted", State.INTERRUPTED).setParameter("running", State.RUNNING)
                .setParameter("now", Instant.now()).setParameter("node", node()).executeUpdate();
    }

    /** An import for the one who started it and for every channel manager; for anyone else it does not exist. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public View find(Caller caller, long id) {
        ImportJob job = em.find(ImportJob.class, id);
        if (job == null || !(caller.has(Role.CHANNEL_MANAGER) || job.startedBy.equals(caller.username()))) {
            throw new NotFoundException("Import " + id);
        }
        return view(job, rejections(id));
    }

    /** The last imports the caller may watch, newest first, without their rejected rows. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<View> recent(Caller caller, int count) {
        String mine = caller.has(Role.CHANNEL_MANAGER) ? "" : " where j.startedBy = :user";
        var query = em.createQuery("select j from ImportJob j" + mine + " order by j.id desc", ImportJob.class);
        if (!mine.isEmpty()) {
            query.setParameter("user", caller.username());
        }
        return query.setMaxResults(count).getResultList().stream().map(job -> view(job, List.of())).toList();
    }

    private List<ImportReport.Rejected> rejections(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select line, field, message from lead_import_rejection where import_id = :id order by line")
                .setParameter("id", id).getResultList();
        Map<Long, List<ImportReport.Error>> byLine = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byLine.computeIfAbsent(((Number) row[0]).longValue(), line -> new ArrayList<>())
                    .add(new ImportReport.Error((String) row[1], (String) row[2]));
        }
        return byLine.entrySet().stream().map(e -> new ImportReport.Rejected(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    private static View view(ImportJob job, List<ImportReport.Rejected> rejected) {
        return new View(job.id, job.state, job.fileName, job.startedBy, job.startedAt, job.finishedAt, job.rowsTotal,
                job.rowsDone, job.created, job.updated, job.duplicates, job.quarantined, rejected, job.failure);
    }
}
