package com.partnerportal.platform;

import jakarta.ejb.ApplicationException;

/**
 * The caller is known and sees the thing, but may not do this with it. {@code code} names the
 * reason where the contract defines one (a claim's {@code REGION}, {@code CAPACITY}, ...).
 */
@ApplicationException(rollback = true)
public class AccessDeniedException extends RuntimeException {

    private final String code;

    public AccessDeniedException(String message) {
        this(null, message);
    }

    public AccessDeniedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
