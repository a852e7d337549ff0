package com.partnerportal.marketplace;

import com.partnerportal.lead.LeadMoved;
import com.partnerportal.lead.LeadState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A lead that comes into the pool gets the times it opens to Silver and Bronze ({@link TierWindows}),
 * and the partners that may take it at once are told ({@link LeadOffers}).
 */
@ApplicationScoped
public class PoolOpening {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private LeadOffers offers;

    void opened(@Observes LeadMoved moved) {
        if (moved.to() != LeadState.PUBLISHED) {
            return;
        }
        em.flush(); // the lead is in the pool, published now, before its windows are set
        em.createNativeQuery(TierWindows.update(TierPolicy.fromSettings(), "l.id = :id"))
                .setParameter("id", moved.leadId())
                .setParameter("today", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate();
        offers.offer(moved.leadId());
    }
}
