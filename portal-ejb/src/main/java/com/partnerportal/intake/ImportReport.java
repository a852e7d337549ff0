package com.partnerportal.intake;

import java.util.List;

/**
 * What an import did (contract): leads created, updated, delivered again unchanged (duplicates), held
 * for review (quarantined, counted apart from created), and the rows rejected with their line and the
 * fields at fault. Each row was taken whole or not at all.
 */
public record ImportReport(int created, int updated, int duplicates, int quarantined, List<Rejected> rejected) {

    /** A row not taken: its line in the file, and why. */
    public record Rejected(long line, List<Error> errors) {
    }

    /** A field of the row (named as its column) and what is wrong with it. */
    public record Error(String field, String message) {
    }
}
