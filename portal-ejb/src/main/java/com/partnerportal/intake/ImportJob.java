package com.partnerportal.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An import running in the background: who started it where, how far it got, and what came of its rows so far. */
@Entity
@Table(name = "lead_import")
class ImportJob {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "started_by", nullable = false)
    String startedBy;
    @Column(name = "started_at", nullable = false)
    Instant startedAt;
    @Column(name = "finished_at")
    Instant finishedAt;
    /** The server that runs it: only that server, started again, can say it was cut short. */
    @Column(nullable = false)
    String node;
    @Column(name = "file_name")
    String fileName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    ImportJobs.State state;
    @Column(name = "rows_total", nullable = false)
    long rowsTotal;
    @Column(name = "rows_done", nullable = false)
    long rowsDone;
    @Column(nullable = false)
    int created;
    @Column(nullable = false)
    int updated;
    @Column(nullable = false)
    int duplicates;
    @Column(nullable = false)
    int quarantined;
    String failure;

    void count(long rows, ImportReport report) {
        rowsDone = rows;
        created = report.created();
        updated = report.updated();
        duplicates = report.duplicates();
        quarantined = report.quarantined();
    }
}
