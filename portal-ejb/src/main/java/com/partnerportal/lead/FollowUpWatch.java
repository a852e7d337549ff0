package com.partnerportal.lead;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Runs the follow-up reminders every minute. The timer is persistent and kept in the portal
 * database, so it survives a restart and one node fires it for all; that a reminder goes out once is
 * the mark's doing ({@link FollowUpMarks}), not the timer's.
 */
@Singleton
public class FollowUpWatch {

    private static final Logger LOG = Logger.getLogger(FollowUpWatch.class.getName());

    @Inject
    private FollowUpReminders reminders;

    @Schedule(minute = "*", hour = "*", persistent = true, info = "portal follow-up reminders")
    void remind() {
        FollowUpReminders.Sweep sweep = reminders.sweep();
        if (sweep.reminded() > 0) {
            LOG.info(() -> "Follow-up reminders: " + sweep.reminded() + " due, " + sweep.mailed() + " mailed");
        }
    }
}
