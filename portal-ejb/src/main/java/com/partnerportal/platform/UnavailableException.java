package com.partnerportal.platform;

import jakarta.ejb.ApplicationException;

/** A system the portal depends on (Keycloak's admin API) did not answer: try again in a moment. */
@ApplicationException(rollback = true)
public class UnavailableException extends RuntimeException {

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
