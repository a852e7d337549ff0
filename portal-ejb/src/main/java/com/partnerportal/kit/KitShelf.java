package com.partnerportal.kit;

import com.partnerportal.lead.LeadView;
import com.partnerportal.platform.Held;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;

/**
 * The sales kit as every claim's answer and lead page lists it, held in memory (its titles and texts,
 * not its documents' bytes): a query and a transaction of their own were a third of a claim's CPU in
 * WildFly. Read again once a piece added on this node committed, and at least every {@link #FRESH} for
 * pieces added on another node.
 */
@ApplicationScoped
public class KitShelf {

    static final Duration FRESH = Duration.ofSeconds(2);

    /** A piece was added to the kit in the current transaction. */
    record Added() {
    }

    private final Held<List<KitItem.View>> items = new Held<>(FRESH);

    @PersistenceContext
    private EntityManager em;

    /** The kit that applies to a lead: its product's and its campaign's, by title. */
    public List<KitItem.View> applyingTo(LeadView lead) {
        return items.get(() -> em.createQuery("select k from KitItem k order by k.title, k.id", KitItem.class).getResultList()
                        .stream().map(k -> k.toView(0)).toList())
                .stream().filter(k -> (lead.product() != null && lead.product().equals(k.product()))
                        || (lead.campaign() != null && lead.campaign().equals(k.campaign()))).toList();
    }

    void added(@Observes(during = TransactionPhase.AFTER_SUCCESS) Added added) {
        items.changed();
    }
}
