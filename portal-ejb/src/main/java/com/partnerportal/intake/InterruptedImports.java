package com.partnerportal.intake;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** At start, the imports this server ran when it stopped are marked cut short, so that nobody waits for them. */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class InterruptedImports {

    private static final Logger LOG = Logger.getLogger(InterruptedImports.class.getName());

    @Inject
    private ImportJobs jobs;

    @PostConstruct
    void markCutShort() {
        int interrupted = jobs.interruptedOnThisNode();
        if (interrupted > 0) {
            LOG.warning(() -> interrupted + " import(s) were cut short by the last stop; importing the same file again completes them");
        }
    }
}
