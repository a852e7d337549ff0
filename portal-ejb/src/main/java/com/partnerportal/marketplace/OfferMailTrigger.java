package com.partnerportal.marketplace;

import com.partnerportal.platform.Drain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Once offers committed, their instant mails go out in the background, not on the next sweep: the rep
 * hears of the lead within seconds, and the request that published it does not wait for the mail server.
 * One run at a time on this node, however many publications commit meanwhile.
 */
@ApplicationScoped
public class OfferMailTrigger {

    @Inject
    private OfferMails mails;

    private final Drain drain = new Drain();

    void offersCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) LeadOffers.OffersMade offers) {
        if (drain.request()) {
            mails.drain(drain);
        }
    }
}
