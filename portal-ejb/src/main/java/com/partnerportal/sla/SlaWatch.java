package com.partnerportal.sla;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Runs the SLA sweep every five minutes. The timer is persistent and kept in the portal database,
 * so it survives a restart and one node fires it for all.
 */
@Singleton
public class SlaWatch {

    private static final Logger LOG = Logger.getLogger(SlaWatch.class.getName());

    @Inject
    private SlaService sla;

    @Schedule(minute = "*/5", hour = "*", persistent = true, info = "portal SLA watch")
    void watch() {
        SlaService.Sweep sweep = sla.sweep();
        if (sweep.recalled() + sweep.escalated() > 0) {
            LOG.info(() -> "SLA sweep: " + sweep.recalled() + " recalled, " + sweep.escalated() + " escalated");
        }
    }
}
