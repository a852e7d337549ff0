package com.partnerportal.web.ui;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Collection;
import java.util.stream.Collectors;

/** Small formatting helpers for the pages. */
@Named
@ApplicationScoped
public class Format {

    public String join(Collection<?> values) {
        return values == null ? "" : values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
