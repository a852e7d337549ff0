package com.partnerportal.platform;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** Input a use case refuses, with every offending field; nothing was stored. */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("Invalid input: " + errors.stream().map(FieldError::field).toList());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
