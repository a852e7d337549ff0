package com.partnerportal.cockpit;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the cockpit's figures built ({@link CockpitCells#keepUp}) every half minute, so that a view
 * seldom finds a day to build itself. Not persistent: a missed run is made up by the next, and each
 * node may run it (the rebuilds take turns).
 */
@Singleton
public class CockpitWatch {

    private static final Logger LOG = Logger.getLogger(CockpitWatch.class.getName());

    @Inject
    private CockpitCells cells;

    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false, info = "portal cockpit figures")
    void keepUp() {
        try {
            int built = cells.keepUp();
            if (built > 0) {
                LOG.fine(() -> "Cockpit: " + built + " days built");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cockpit figures not built this time; the next run tries again", e);
        }
    }
}
