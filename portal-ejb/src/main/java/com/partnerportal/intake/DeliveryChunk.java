package com.partnerportal.intake;

import com.partnerportal.lead.LeadInput;
import com.partnerportal.lead.LeadRules;
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
 * once for the chunk ({@link com.partnerportal.platform.TransactionMemo}) and the leads delivered
 * before, the customers and the probable duplicates in a few round trips for all its rows
 * ({@link LeadService#createAll}): all rows of the chunk are
 * stored or, on any failure, none, and the import delivers that chunk again row by row, so that one
 * bad row still costs no other.
 */
@Stateless
public class DeliveryChunk {

    @Inject
    private LeadService leads;

    @Inject
    private IntakeScreen screen;

    @Inject
    private Redelivery redelivery;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Delivery> deliver(Caller caller, List<LeadRules.Checked> checked) {
        List<LeadService.Stored> stored = leads.createAll(caller, checked, screen);
        List<Delivery> deliveries = new ArrayList<>(checked.size());
        for (int i = 0; i < checked.size(); i++) {
            LeadService.Stored lead = stored.get(i);
            LeadInput input = checked.get(i).input();
            deliveries.add(lead.created() ? new Delivery(lead.id(), lead.state(), Delivery.Outcome.CREATED)
                    : redelivery.apply(caller, leads.bySource(input.source(), input.externalId()), input));
        }
        return deliveries;
    }
}
