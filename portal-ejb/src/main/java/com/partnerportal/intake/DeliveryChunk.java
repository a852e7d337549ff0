package com.partnerportal.intake;

import com.partnerportal.lead.LeadInput;
import com.partnerportal.lead.LeadRules;
import com.partnerportal.lead.LeadService;
import com.partnerportal.lead.RoutingVerdict;
import com.partnerportal.lead.Screening;
import com.partnerportal.platform.Caller;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers a chunk of an import's rows in one transaction, as {@link LeadIntake} delivers a lead
 * alone (the same checks, screening, routing and re-delivery), with the routing rules read once for
 * the chunk: all rows of the chunk are stored or, on any failure, none, and the import delivers that
 * chunk again row by row, so that one bad row still costs no other. One commit for many rows is what
 * makes a large file fast.
 */
@Stateless
public class DeliveryChunk {

    @Inject
    private LeadService leads;

    @Inject
    private IntakeScreen screen;

    @Inject
    private Redelivery redelivery;

    @Inject
    private RoutingRules routing;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Delivery> deliver(Caller caller, List<LeadInput> inputs) {
        RoutingBook book = routing.book();
        Screening chunk = new Screening() {
            @Override
            public Verdict screen(LeadRules.Checked lead, Long leadId) {
                return screen.screen(lead, leadId);
            }

            @Override
            public RoutingVerdict route(LeadRules.Checked lead) {
                return book.verdict(lead);
            }
        };
        List<Delivery> deliveries = new ArrayList<>(inputs.size());
        for (LeadInput input : inputs) {
            LeadService.Created stored = leads.create(caller, input, chunk);
            deliveries.add(stored.created() ? new Delivery(stored.lead(), Delivery.Outcome.CREATED)
                    : redelivery.apply(caller, stored.lead(), input));
        }
        return deliveries;
    }
}
