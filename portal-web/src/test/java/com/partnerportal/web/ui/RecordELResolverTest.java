package com.partnerportal.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.PropertyNotWritableException;
import jakarta.el.VariableMapper;
import org.junit.jupiter.api.Test;

class RecordELResolverTest {

    record Partner(String key, int capacity) {
    }

    private final RecordELResolver resolver = new RecordELResolver();

    private static ELContext context() {
        return new ELContext() {
            @Override
            public ELResolver getELResolver() {
                return null;
            }

            @Override
            public FunctionMapper getFunctionMapper() {
                return null;
            }

            @Override
            public VariableMapper getVariableMapper() {
                return null;
            }
        };
    }

    @Test
    void readsRecordComponentsAsProperties() {
        ELContext context = context();
        assertEquals("nordlicht", resolver.getValue(context, new Partner("nordlicht", 25), "key"));
        assertTrue(context.isPropertyResolved());
        assertEquals(25, resolver.getValue(context(), new Partner("nordlicht", 25), "capacity"));
    }

    @Test
    void leavesEverythingElseToTheOtherResolvers() {
        ELContext context = context();
        assertNull(resolver.getValue(context, new Partner("nordlicht", 25), "unknown"));
        assertNull(resolver.getValue(context, "a string", "key"));
        assertFalse(context.isPropertyResolved());
    }

    @Test
    void recordsAreReadOnly() {
        assertTrue(resolver.isReadOnly(context(), new Partner("x", 1), "key"));
        assertThrows(PropertyNotWritableException.class,
                () -> resolver.setValue(context(), new Partner("x", 1), "key", "y"));
    }
}
