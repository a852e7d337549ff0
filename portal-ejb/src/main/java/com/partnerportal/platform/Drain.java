package com.partnerportal.platform;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A background job that many requests share: a request while the job runs makes it run once more
 * afterwards, never a second time beside it. So a burst of commits (every claim writes webhook
 * messages, every publish offer mails) costs one worker thread per job, not one per commit, and the
 * jobs cannot crowd each other out of the server's thread pool.
 */
public final class Drain {

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    /** Asks for a run; true if the caller is to start it (in the background), false if one is running and will see it. */
    public boolean request() {
        requested.set(true);
        return running.compareAndSet(false, true);
    }

    /** Runs the job until no request is left; called by the background run that {@link #request()} allowed. */
    public void run(Runnable job) {
        do {
            try {
                while (requested.getAndSet(false)) {
                    job.run();
                }
            } finally {
                running.set(false);
            }
        } while (requested.get() && running.compareAndSet(false, true)); // a request that came as we stopped
    }
}
