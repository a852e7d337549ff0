package com.partnerportal.lead;

import java.util.Optional;

/** The customer master as the lead package asks it: the partner that owns a lead's company, if a partner does. */
public interface CustomerOwners {

    /** By the lead's keys: its e-mail's domain, its folded company name, its country. */
    Optional<Screening.Owner> ownerOf(String emailDomain, String companyKey, String country);
}
