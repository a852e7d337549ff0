package com.partnerportal.intake;

/** Told how far an import got: every {@link LeadImport#PROGRESS_EVERY} rows, and once at its end. */
@FunctionalInterface
public interface ImportProgress {

    /** For an import that nobody watches. */
    ImportProgress NONE = (rows, report) -> { };

    /** {@code rows} rows of the file read, {@code soFar} what came of them (its rejections grow in place). */
    void rowsRead(long rows, ImportReport soFar);
}
