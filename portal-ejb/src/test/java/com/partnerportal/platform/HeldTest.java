package com.partnerportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A value held in memory is read again after a change on this node, or once it is older than allowed. */
class HeldTest {

    @Test
    void heldUntilAChangeCommitsThenReadAgain() {
        AtomicInteger stored = new AtomicInteger(1);
        AtomicInteger reads = new AtomicInteger();
        Held<Integer> held = new Held<>(Duration.ofHours(1));
        assertEquals(1, held.get(() -> reads.incrementAndGet() > 0 ? stored.get() : -1));
        stored.set(2);
        assertEquals(1, held.get(() -> reads.incrementAndGet() > 0 ? stored.get() : -1), "not read again before a change");
        held.changed();
        assertEquals(2, held.get(() -> reads.incrementAndGet() > 0 ? stored.get() : -1));
        assertEquals(2, reads.get());
    }

    @Test
    void aReadThatBeganBeforeAChangeCommittedIsNotKept() {
        AtomicInteger stored = new AtomicInteger(1);
        Held<Integer> held = new Held<>(Duration.ofHours(1));
        // the change commits while the value is being read: the read saw the old value
        assertEquals(1, held.get(() -> {
            int old = stored.get();
            stored.set(2);
            held.changed();
            return old;
        }));
        assertEquals(2, held.get(stored::get), "the read from before the change is not kept");
    }

    @Test
    void readAgainOnceOlderThanAllowedForChangesOnAnotherNode() throws InterruptedException {
        AtomicInteger stored = new AtomicInteger(1);
        Held<Integer> held = new Held<>(Duration.ofMillis(20));
        assertEquals(1, held.get(stored::get));
        stored.set(2); // changed on another node: this one is not told
        Thread.sleep(40);
        assertEquals(2, held.get(stored::get));
    }
}
