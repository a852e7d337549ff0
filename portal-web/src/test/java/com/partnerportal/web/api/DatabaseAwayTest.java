package com.partnerportal.web.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseAwayTest {

    private static RuntimeException wrapped(Throwable cause) {
        return new EJBException(new PersistenceException("could not execute statement", cause));
    }

    @Test
    void aBrokenOrMissingConnectionIsTheDatabaseAway() {
        assertTrue(DatabaseAway.causes(wrapped(new SQLException("An I/O error occurred while sending to the backend", "08006"))));
        assertTrue(DatabaseAway.causes(wrapped(new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(DatabaseAway.causes(wrapped(new SQLException("the database system is starting up", "57P03"))));
        assertTrue(DatabaseAway.causes(wrapped(new SQLException("IJ031019", null,
                new ResourceException("IJ000453: Unable to get managed connection for java:jboss/datasources/PortalDS")))));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseAway.causes(wrapped(new SQLException("duplicate key value", "23505"))));
        assertFalse(DatabaseAway.causes(wrapped(new SQLException("no state"))));
        assertFalse(DatabaseAway.causes(new IllegalStateException("a bug")));
    }
}
