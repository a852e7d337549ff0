package com.partnerportal.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects the field errors of one input and throws them together, so that a caller learns
 * every problem at once.
 */
public final class Validation {

    /** The window every date the portal takes lies in: older or later is a typing error. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2099, 12, 31);

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,10}");

    private final List<FieldError> errors = new ArrayList<>();

    public void reject(String field, String messageKey, Object... arguments) {
        errors.add(new FieldError(field, messageKey, arguments));
    }

    public String requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            reject(field, "required");
            return null;
        }
        if (value.strip().length() > maxLength) {
            reject(field, "tooLong", maxLength);
        }
        return value.strip();
    }

    public Integer requireRange(String field, Integer value, int min, int max) {
        if (value == null) {
            reject(field, "required");
        } else if (value < min || value > max) {
            reject(field, "outOfRange", min, max);
        }
        return value;
    }

    public <E extends Enum<E>> E requireEnum(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            reject(field, "required");
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            reject(field, "oneOf", List.of(type.getEnumConstants()).toString());
            return null;
        }
    }

    /** A date within {@link #EARLIEST_DATE} and {@link #LATEST_DATE}, or null if none was given. */
    public LocalDate optionalDate(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return withinWindow(field, LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            reject(field, "date");
            return null;
        }
    }

    /** A date a page's date picker gave: only the window is left to check. */
    public LocalDate withinWindow(String field, LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE))) {
            reject(field, "dateWindow", EARLIEST_DATE.toString(), LATEST_DATE.toString());
            return null;
        }
        return date;
    }

    /** A point in time like {@code 2026-12-01T09:00:00Z}, or null if none was given. */
    public Instant optionalInstant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value.strip());
            LocalDate day = instant.atOffset(ZoneOffset.UTC).toLocalDate();
            return withinWindow(field, day) == null ? null : instant;
        } catch (DateTimeParseException e) {
            reject(field, "instant");
            return null;
        }
    }

    /** {@code true} or {@code false} as a query parameter carries it; {@code otherwise} when missing. */
    public boolean optionalBoolean(String field, String value, boolean otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        String word = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (!word.equals("true") && !word.equals("false")) {
            reject(field, "boolean");
            return otherwise;
        }
        return word.equals("true");
    }

    /** A whole number between min and max, as a query parameter carries it. */
    public Integer wholeNumber(String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            reject(field, "required");
            return null;
        }
        if (!WHOLE_NUMBER.matcher(value.strip()).matches()) {
            reject(field, "wholeNumber");
            return null;
        }
        try {
            return requireRange(field, Integer.valueOf(value.strip()), min, max);
        } catch (NumberFormatException e) { // more digits than an int holds
            reject(field, "outOfRange", min, max);
            return null;
        }
    }

    /**
     * {@code page} (from 0) and {@code size} (1 to {@link Page#MAX_SIZE}) of a list; missing ones
     * default. The page may not reach past {@link Page#MAX_OFFSET} rows, so that page times size
     * never overflows.
     */
    public Page.Request paging(String page, String size) {
        Integer s = size == null || size.isBlank() ? Integer.valueOf(Page.DEFAULT_SIZE)
                : wholeNumber("size", size, 1, Page.MAX_SIZE);
        Integer p = page == null || page.isBlank() ? Integer.valueOf(0)
                : wholeNumber("page", page, 0, Page.MAX_OFFSET / (s == null ? Page.MAX_SIZE : s));
        return p == null || s == null ? null : new Page.Request(p, s);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
