package com.partnerportal.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Something that requests ask for all the time and that seldom changes (the webhook endpoints, the
 * sales kit), held in memory instead of read from the database each time. It is read again once a
 * change to it committed on this node ({@link #changed}, called after the commit) and at least every
 * {@code fresh}, for changes made on another node. A read that began before a change committed is not
 * kept beyond the one request that made it: it counts the changes it saw.
 */
public final class Held<T> {

    /** A value as read while {@code changes} changes had committed, at {@code at} (nano time). */
    private record Read<T>(T value, long changes, long at) {
    }

    private final Duration fresh;
    private final AtomicLong changes = new AtomicLong();
    private volatile Read<T> read;

    public Held(Duration fresh) {
        this.fresh = fresh;
    }

    /** The value held, or read now by {@code reader} if a change committed since or it is older than {@code fresh}. */
    public T get(Supplier<T> reader) {
        Read<T> current = read;
        if (current == null || current.changes() != changes.get() || System.nanoTime() - current.at() > fresh.toNanos()) {
            long changesBefore = changes.get();
            long at = System.nanoTime();
            current = new Read<>(reader.get(), changesBefore, at);
            read = current;
        }
        return current.value();
    }

    /** A change committed on this node: the next {@link #get} reads the value again. */
    public void changed() {
        changes.incrementAndGet();
    }
}
