package com.partnerportal.marketplace;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Every 15 seconds: tells the partners of a tier whose early access to a lead just ended
 * ({@link LeadOffers}), then sends the offer mails that are due, the hourly and morning digests among
 * them ({@link OfferMails}). After a start it looks a day back, so that a window that opened while the
 * portal was down is told too; the offer rows keep it once.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each step keeps its own transactions
public class OfferWatch {

    private static final Logger LOG = Logger.getLogger(OfferWatch.class.getName());

    static final Duration LOOK_BACK_AT_START = Duration.ofDays(1);

    @Inject
    private LeadOffers offers;

    @Inject
    private OfferMails mails;

    @Inject
    private Clock clock;

    private Instant since;

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false, info = "portal lead offers")
    void watch() {
        sweep();
    }

    /** One sweep now; also for the operator and the tests, who moved the clock. */
    public LeadOffers.Sweep sweep() {
        if (since == null) {
            since = clock.instant().minus(LOOK_BACK_AT_START);
        }
        LeadOffers.Sweep sweep = offers.sweep(since);
        since = sweep.at();
        int mailed = mails.sendDue();
        if (sweep.partners() > 0 || mailed > 0) {
            LOG.info(() -> "Lead offers: " + sweep.partners() + " partner(s) told of " + sweep.leads() + " lead(s), "
                    + mailed + " mail(s) sent");
        }
        return sweep;
    }
}
