package com.partnerportal.intake;

import java.util.Map;

/** One row of an import file: the line it starts on (the header is line 1) and its values by column. */
public record ImportRow(long line, Map<ImportColumn, String> values) {

    public String value(ImportColumn column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value;
    }
}
