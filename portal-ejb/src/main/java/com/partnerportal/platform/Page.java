package com.partnerportal.platform;

import java.util.List;

/** One page of a longer result; {@code total} counts all matches. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** No list is paged further than this many rows. */
    public static final int MAX_OFFSET = 10_000_000;

    /** Which page of which size a caller asked for; checked by {@link Validation#paging}. */
    public record Request(int page, int size) {

        public int offset() {
            return page * size;
        }
    }
}
