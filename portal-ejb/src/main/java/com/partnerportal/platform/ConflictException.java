package com.partnerportal.platform;

import jakarta.ejb.ApplicationException;

/** The request is understood but the thing is not in a state that allows it (taken, wrong state). */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
