package com.partnerportal.platform;

import java.util.List;

/** One page of a longer result; {@code total} counts all matches. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
}
