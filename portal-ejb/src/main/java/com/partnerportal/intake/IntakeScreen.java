package com.partnerportal.intake;

import com.partnerportal.lead.LeadRules;
import com.partnerportal.lead.ReviewCode;
import com.partnerportal.lead.ReviewReason;
import com.partnerportal.lead.Screening;
import com.partnerportal.partner.PartnerDirectory;
import com.partnerportal.reference.ReferenceCatalog;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The intake's screening of a lead, in the order a reviewer would ask: is it an existing customer
 * (then it goes to the owning partner, or waits for the channel manager when the key-account team
 * owns it), is it the same person again, is its data plausible. The checks of the lead's market
 * that the channel manager switched off are skipped.
 */
@Stateless
@LocalBean
public class IntakeScreen implements Screening {

    @Inject
    private MarketChecks checks;

    @Inject
    private Customers customers;

    @Inject
    private Duplicates duplicates;

    @Inject
    private PartnerDirectory partners;

    @Inject
    private ReferenceCatalog catalog;

    @Inject
    private RoutingRules routing;

    @Inject
    private com.partnerportal.platform.TransactionMemo memo;

    @Override
    public void prepare(List<LeadRules.Checked> leads) {
        customers.prepare(leads);
        duplicates.prepare(leads);
    }

    @Override
    public com.partnerportal.lead.RoutingVerdict route(LeadRules.Checked lead) {
        return memo.get(RoutingBook.class, routing::book).verdict(lead); // read once per transaction
    }

    @Override
    public Verdict screen(LeadRules.Checked lead, Long leadId) {
        Set<ReviewCode> active = checks.active(lead.country());
        Optional<CustomerView> customer = customers.match(lead);
        if (customer.isPresent() && partners.exists(customer.get().owner())) {
            return new Verdict(List.of(), new Owner(customer.get().key(), customer.get().owner()));
        }
        List<ReviewReason> reasons = new ArrayList<>();
        customer.ifPresent(c -> reasons.add(ReviewReason.of(ReviewCode.EXISTING_CUSTOMER, c.key(), c.owner())));
        if (active.contains(ReviewCode.PROBABLE_DUPLICATE)) {
            List<Long> same = duplicates.of(lead, leadId);
            if (!same.isEmpty()) {
                reasons.add(ReviewReason.of(ReviewCode.PROBABLE_DUPLICATE,
                        same.stream().map(String::valueOf).collect(Collectors.joining(", "))));
            }
        }
        reasons.addAll(QualityChecks.of(lead, active, memo.get("countries", catalog::countries)));
        return new Verdict(reasons, null);
    }
}
