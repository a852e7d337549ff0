package com.partnerportal.web.ui;

import com.partnerportal.lead.LeadService;
import com.partnerportal.sla.SlaService;
import com.partnerportal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The start page's day of work: what waits for the channel manager; a rep's open leads by deadline. */
@Named
@RequestScoped
public class Today {

    /** A deadline this close is shown as urgent. */
    static final Duration SOON = Duration.ofHours(12);

    @Inject
    private LeadService leads;

    @Inject
    private SlaService sla;

    @Inject
    private CurrentUser user;

    @Inject
    private Clock clock;

    private LeadService.Workload workload;
    private List<SlaService.OpenLead> openLeads;

    public LeadService.Workload getWorkload() {
        if (workload == null) {
            workload = leads.workload(user.caller());
        }
        return workload;
    }

    public List<SlaService.OpenLead> getOpenLeads() {
        if (openLeads == null) {
            openLeads = sla.openLeads(user.caller());
        }
        return openLeads;
    }

    public boolean isUrgent(Instant deadline) {
        return deadline != null && deadline.isBefore(clock.instant().plus(SOON));
    }
}
