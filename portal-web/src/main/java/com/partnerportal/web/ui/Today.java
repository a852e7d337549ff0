package com.partnerportal.web.ui;

import com.partnerportal.lead.Due;
import com.partnerportal.lead.FollowUp;
import com.partnerportal.lead.FollowUps;
import com.partnerportal.lead.LeadService;
import com.partnerportal.platform.Clocks;
import com.partnerportal.platform.Page;
import com.partnerportal.platform.Role;
import com.partnerportal.sla.SlaService;
import com.partnerportal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The start page's day of work: what waits for the channel manager; a rep's open leads by deadline;
 * the follow-ups due until the end of the week, the oldest first.
 */
@Named
@RequestScoped
public class Today {

    /** A deadline this close is shown as urgent. */
    static final Duration SOON = Duration.ofHours(12);

    /** The follow-ups the start page lists; the counts above the list tell how many there are in all. */
    static final int FOLLOW_UPS_SHOWN = 50;

    @Inject
    private LeadService leads;

    @Inject
    private SlaService sla;

    @Inject
    private FollowUps followUps;

    @Inject
    private CurrentUser user;

    @Inject
    private Clock clock;

    private LeadService.Workload workload;
    private List<SlaService.OpenLead> openLeads;
    private FollowUps.Counts followUpCounts;
    private Page<FollowUp> dueFollowUps;

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

    /** Whether the user has follow-ups to see: the partner's users and the channel manager. */
    public boolean isFollowingUp() {
        return FollowUps.isFor(user.caller());
    }

    public FollowUps.Counts getFollowUpCounts() {
        if (followUpCounts == null) {
            followUpCounts = followUps.counts(user.caller());
        }
        return followUpCounts;
    }

    /** Overdue and due until the end of the week, the oldest first. */
    public Page<FollowUp> getFollowUps() {
        if (dueFollowUps == null) {
            dueFollowUps = followUps.due(user.caller(), null, 0, FOLLOW_UPS_SHOWN);
        }
        return dueFollowUps;
    }

    public boolean isOverdue(Instant followUpAt) {
        return followUpAt != null && Due.OVERDUE.window(clock.instant(), Clocks.zone()).contains(followUpAt);
    }

    /** A rep's follow-ups are its own; the partner's admin and the channel manager see who works each. */
    public boolean isTeamView() {
        return user.caller().has(Role.RESELLER_ADMIN) || user.caller().has(Role.CHANNEL_MANAGER);
    }
}
