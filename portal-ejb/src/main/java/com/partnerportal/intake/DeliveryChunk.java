package com.partnerportal.intake;

import com.partnerportal.lead.LeadInput;
import com.partnerportal.lead.LeadService;
import com.partnerportal.platform.Caller;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers a chunk of an import's rows in one transaction, as {@link LeadIntake} delivers a lead
 * alone (the same checks, screening, routing and re-delivery), with the catalogues and rules read
 * once for the chunk ({@link com.partnerportal.platform.TransactionMemo}): all rows of the chunk are
 * stored or, on any failure, none, and the import delivers that chunk again row by row, so that one
 * bad row still costs no other.
 */
@Stateless
public class DeliveryChunk {

    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager em;

    @Inject
    private LeadService leads;

    @Inject
    private IntakeScreen screen;

    @Inject
    private Redelivery redelivery;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Delivery> deliver(Caller caller, List<LeadInput> inputs) {
        List<Delivery> deliveries = new ArrayList<>(inputs.size());
        for (LeadInput input : inputs) {
            LeadService.Created stored = leads.create(caller, input, screen);
            deliveries.add(stored.created() ? new Delivery(stored.lead(), Delivery.Outcome.CREATED)
                    : redelivery.apply(caller, stored.lead(), input));
            em.flush();
            em.clear(); // no row needs the leads before it: every flush would check them all for changes
        }
        return deliveries;
    }
}
