package com.partnerportal.intake;

import com.partnerportal.lead.CustomerOwners;
import com.partnerportal.lead.Screening;
import com.partnerportal.partner.PartnerDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The customer master's answer to the lead package: the owning partner, never the key-account team. */
@ApplicationScoped
public class CustomerOwnerLookup implements CustomerOwners {

    @Inject
    private Customers customers;

    @Inject
    private PartnerDirectory partners;

    @Override
    public Optional<Screening.Owner> ownerOf(String emailDomain, String companyKey, String country) {
        return customers.match(emailDomain, companyKey, country).filter(c -> partners.exists(c.owner()))
                .map(c -> new Screening.Owner(c.key(), c.owner()));
    }
}
