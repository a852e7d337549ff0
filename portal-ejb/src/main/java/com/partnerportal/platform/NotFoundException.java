package com.partnerportal.platform;

import jakarta.ejb.ApplicationException;

/** The thing does not exist, or the caller may not know that it exists. */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
