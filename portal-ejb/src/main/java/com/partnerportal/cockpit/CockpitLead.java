package com.partnerportal.cockpit;

import com.partnerportal.lead.LeadInput;
import com.partnerportal.lead.LeadState;
import com.partnerportal.lead.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One lead behind a cockpit number. {@code contact} only where the caller may see it: the
 * manufacturer, and the partner for the leads it holds.
 */
public record CockpitLead(long id, LeadState state, String companyName, String region, String product, String campaign,
                          String partner, String assignee, Instant publishedAt, Money expectedRevenue,
                          LocalDate expectedCloseDate, Instant followUpAt, Money wonRevenue, String lossReasonCode,
                          LeadInput.Contact contact) {
}
