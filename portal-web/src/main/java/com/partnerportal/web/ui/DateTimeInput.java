package com.partnerportal.web.ui;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A time as a native {@code datetime-local} input holds it ({@code 2026-12-02T09:00}), read and
 * written in the portal's zone ({@link Format#ZONE}), where the people who type it live.
 */
final class DateTimeInput {

    private DateTimeInput() {
    }

    /** The input's value for {@code instant}; empty for none. */
    static String of(Instant instant) {
        return instant == null ? null
                : LocalDateTime.ofInstant(instant, Format.ZONE).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /**
     * The instant the input names, as the API writes it ({@code 2026-12-02T08:00:00Z}); null for an
     * empty input; the text itself when it is no time, so that the use case reports it against its field.
     */
    static String toInstant(String input) {
        if (input == null || input.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(input.strip()).atZone(Format.ZONE).toInstant().toString();
        } catch (DateTimeParseException e) {
            return input;
        }
    }
}
