package com.partnerportal.web.api;

import com.partnerportal.lead.Due;
import com.partnerportal.lead.FollowUp;
import com.partnerportal.lead.FollowUps;
import com.partnerportal.platform.Page;
import com.partnerportal.platform.Validation;
import com.partnerportal.web.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/follow-ups}: the caller's follow-ups that are due, the oldest first. */
@ApplicationScoped // one instance: it holds only services and the request-scoped caller
@Path("/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
public class FollowUpResource {

    @Inject
    private FollowUps followUps;

    @Inject
    private CurrentUser user;

    /** {@code due} is {@code overdue}, {@code today} or {@code week}, in any case; none: all up to the end of the week. */
    @GET
    @RolesAllowed({"reseller-rep", "reseller-admin", "channel-manager"})
    public Page<FollowUp> due(@QueryParam("due") String due,
                              @QueryParam("page") String page,
                              @QueryParam("size") String size) {
        Validation v = new Validation();
        Page.Request paging = v.paging(page, size);
        Due window = due == null || due.isBlank() ? null : v.requireEnum("due", due, Due.class);
        v.throwIfInvalid();
        return followUps.due(user.caller(), window, paging.page(), paging.size());
    }
}
