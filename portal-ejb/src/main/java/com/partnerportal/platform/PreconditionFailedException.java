package com.partnerportal.platform;

import jakarta.ejb.ApplicationException;

/** The caller changes something it read in an older version ({@code If-Match}): 412. */
@ApplicationException(rollback = true)
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String message) {
        super(message);
    }
}
