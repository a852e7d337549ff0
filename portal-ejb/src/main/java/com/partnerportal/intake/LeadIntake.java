package com.partnerportal.intake;

import com.partnerportal.lead.LeadInput;
import com.partnerportal.lead.LeadService;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Databases;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The one way a lead comes in, alone (API, form) or from a file: created through
 * {@link LeadService#create} with its checks and screening, idempotent on source and external id, also
 * when two deliveries of the same lead arrive at the same moment (the second finds what the first
 * stored); a lead delivered again updates the stored one ({@link Redelivery}), each in a transaction of
 * its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the creation is a transaction of its own, to retry
public class LeadIntake {

    @Inject
    private LeadService leads;

    @Inject
    private IntakeScreen screen;

    @Inject
    private Redelivery redelivery;

    /** Creates the lead, or updates the one delivered before ({@link Redelivery}). */
    public Delivery deliver(Caller caller, LeadInput input) {
        LeadService.Created stored = store(caller, input);
        return stored.created() ? new Delivery(stored.lead().id(), stored.lead().state(), Delivery.Outcome.CREATED)
                : redelivery.apply(caller, stored.lead(), input);
    }

    private LeadService.Created store(Caller caller, LeadInput input) {
        try {
            return leads.create(caller, input, screen);
        } catch (EJBException e) {
            if (!Databases.isUniqueViolation(e)) {
                throw e;
            }
            try {
                return new LeadService.Created(leads.bySource(input.source(), input.externalId()), false);
            } catch (com.partnerportal.platform.NotFoundException notTheSameLead) {
                throw e; // another unique key was violated: not a delivery of the same lead
            }
        }
    }
}
