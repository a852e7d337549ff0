package com.partnerportal.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: growing waits from 5 seconds to 20 hours, about three days in
 * all (eleven tries), each with up to a tenth of jitter so that a receiver back from an outage is not
 * hit by every message at the same second. A receiver's {@code Retry-After} (429, 503) is honoured
 * within those three days.
 */
final class Backoff {

    static final List<Duration> WAITS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14),
            Duration.ofHours(20), Duration.ofHours(20));

    /** How long after its first try a message is given up: after the last wait, whatever its jitter. */
    static final Duration GIVE_UP_AFTER = WAITS.stream().reduce(Duration.ZERO, Duration::plus).multipliedBy(11).dividedBy(10)
            .plusHours(1);

    private Backoff() {
    }

    /** The next try after {@code attempts} failed ones, or null when they are used up. */
    static Instant next(int attempts, Instant now, Duration retryAfter, Instant firstTry) {
        if (attempts > WAITS.size()) {
            return null;
        }
        Instant next;
        if (retryAfter != null && !retryAfter.isNegative()) {
            next = now.plus(retryAfter);
        } else {
            Duration wait = WAITS.get(attempts - 1);
            long jitter = (long) (wait.toMillis() * 0.1 * ThreadLocalRandom.current().nextDouble());
            next = now.plus(wait).plusMillis(jitter);
        }
        return next.isAfter(firstTry.plus(GIVE_UP_AFTER)) ? null : next;
    }
}
