package com.partnerportal.platform;

import java.util.Set;

/**
 * A JSON merge patch (RFC 7396) of the fields of {@code T}: {@code values} holds what the patch
 * says, {@code given} names the fields it mentions. A field not given is kept; a field given as
 * null is cleared.
 */
public record Patch<T extends Record>(T values, Set<String> given) {

    public Patch {
        given = Set.copyOf(given);
    }

    public boolean has(String field) {
        return given.contains(field);
    }
}
