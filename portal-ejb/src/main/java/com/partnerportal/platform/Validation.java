package com.partnerportal.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the field errors of one input and throws them together, so that a caller learns
 * every problem at once.
 */
public final class Validation {

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

    public LocalDate optionalDate(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            reject(field, "date");
            return null;
        }
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
