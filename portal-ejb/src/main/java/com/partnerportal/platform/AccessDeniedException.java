package com.partnerportal.platform;

import jakarta.ejb.ApplicationException;

/** The caller is known and sees the thing, but may not do this with it. */
@ApplicationException(rollback = true)
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
