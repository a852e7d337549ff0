package com.partnerportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DrainTest {

    @Test
    void aBurstOfRequestsRunsTheJobOneAtATimeAndTheLastRequestIsAlwaysSeen() throws Exception {
        Drain drain = new Drain();
        AtomicLong requested = new AtomicLong();
        AtomicLong seen = new AtomicLong();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        Runnable job = () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            seen.accumulateAndGet(requested.get(), Math::max); // what was asked for before the job looked
            runs.incrementAndGet();
            Thread.onSpinWait();
            running.decrementAndGet();
        };
        ExecutorService background = Executors.newFixedThreadPool(8);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (int c = 0; c < 8; c++) {
            callers.submit(() -> {
                start.await();
                for (int i = 0; i < 5_000; i++) {
                    requested.incrementAndGet();
                    if (drain.request()) {
                        background.submit(() -> drain.run(job));
                    }
                }
                return null;
            });
        }
        start.countDown();
        callers.shutdown();
        assertTrue(callers.awaitTermination(30, TimeUnit.SECONDS));
        background.shutdown();
        assertTrue(background.awaitTermination(30, TimeUnit.SECONDS));

        assertEquals(1, mostAtOnce.get(), "never two runs beside each other");
        assertEquals(40_000, seen.get(), "a run started after the last request");
        assertTrue(runs.get() < 40_000, "requests meanwhile share a run: " + runs.get());
    }

    @Test
    void aRequestWhileTheJobRunsIsLeftToThatRun() {
        Drain drain = new Drain();
        assertTrue(drain.request());
        AtomicInteger runs = new AtomicInteger();
        drain.run(() -> {
            if (runs.incrementAndGet() == 1) {
                assertFalse(drain.request(), "the running job will see it");
            }
        });
        assertEquals(2, runs.get(), "once for the first request, once more for the one made meanwhile");
        assertTrue(drain.request(), "idle again: the next request starts a run");
    }
}
