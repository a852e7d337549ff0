package com.partnerportal.web.api;

import com.partnerportal.lead.FollowUpReminders;
import com.partnerportal.marketplace.LeadOffers;
import com.partnerportal.marketplace.OfferWatch;
import com.partnerportal.platform.Clocks;
import com.partnerportal.sla.SlaService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import com.partnerportal.platform.FieldError;
import com.partnerportal.platform.InvalidInputException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Operating the portal: run the SLA sweep, the follow-up reminders or the lead offers now; on a test server, move the clock. */
@ApplicationScoped // one instance: it holds only services and the request-scoped caller
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    private SlaService sla;

    @Inject
    private FollowUpReminders reminders;

    @Inject
    private Clocks clocks;

    @Inject
    private OfferWatch offerWatch;

    @Inject
    private com.partnerportal.webhook.WebhookWatch webhookWatch;

    @POST
    @Path("/sla/sweep")
    @RolesAllowed({"portal-admin", "channel-manager"})
    public SlaService.Sweep sweep() {
        return sla.sweep();
    }

    /** Sends the follow-up reminders that are due now; each goes out once, whoever else sweeps meanwhile. */
    @POST
    @Path("/follow-ups/sweep")
    @RolesAllowed("portal-admin")
    public FollowUpReminders.Sweep remindFollowUps() {
        return reminders.sweep();
    }

    /** Tells the partners whose tier's early access to a lead ended, and sends the offer mails due now. */
    @POST
    @Path("/offers/sweep")
    @RolesAllowed({"portal-admin", "channel-manager"})
    public LeadOffers.Sweep offerOpenedLeads() {
        return offerWatch.sweep();
    }

    /** Sends the webhook messages that are due now (retries included); how many were delivered. */
    @POST
    @Path("/webhooks/deliver")
    @RolesAllowed({"portal-admin", "channel-manager"})
    public Map<String, Integer> deliverWebhooks() {
        return Map.of("delivered", webhookWatch.deliverNow());
    }

    /** Deletes the webhook messages delivered or given up longer ago than the delivery logs keep them (30 days); how many. */
    @POST
    @Path("/webhooks/retention")
    @RolesAllowed("portal-admin")
    public Map<String, Integer> forgetOldWebhooks() {
        return Map.of("deleted", webhookWatch.forgetOld());
    }

    /** How far a test may move the clock: ten years either way. */
    static final Duration MAX_OFFSET = Duration.ofDays(3650);

    /** {@code {"offset": "PT49H"}}; refused (403) unless the server runs with an adjustable clock. */
    public record ClockOffset(String offset) {
    }

    @PUT
    @Path("/clock")
    @RolesAllowed("portal-admin")
    public Map<String, String> moveClock(ClockOffset body) {
        Duration offset = Duration.ZERO;
        if (body != null && body.offset() != null) {
            try {
                offset = Duration.parse(body.offset().strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(List.of(new FieldError("offset", "duration")));
            }
            if (offset.abs().compareTo(MAX_OFFSET) > 0) { // beyond it, the clock would overflow
                throw new InvalidInputException(List.of(new FieldError("offset", "outOfRange", "-P3650D", "P3650D")));
            }
        }
        clocks.setOffset(offset);
        return Map.of("offset", clocks.offset().toString());
    }
}
