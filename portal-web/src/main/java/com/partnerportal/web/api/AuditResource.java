package com.partnerportal.web.api;

import com.partnerportal.platform.Page;
import com.partnerportal.platform.Validation;
import com.partnerportal.privacy.ContactAudit;
import com.partnerportal.web.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/audit/personal-data}: who saw a prospect's contact data, when, and how. */
@ApplicationScoped
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"channel-manager", "portal-admin"})
public class AuditResource {

    @Inject
    private ContactAudit audit;

    @Inject
    private CurrentUser user;

    /** Narrowed by {@code lead} (an id), {@code user} (a user name), {@code from} and {@code to} (days, inclusive); newest first. */
    @GET
    @Path("/personal-data")
    public Page<ContactAudit.Entry> personalData(@QueryParam("lead") String lead, @QueryParam("user") String username,
                                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                                 @QueryParam("page") String page, @QueryParam("size") String size) {
        Validation v = new Validation();
        Page.Request paging = v.paging(page, size);
        ContactAudit.Search search = ContactAudit.Search.parse(v, lead, username, from, to);
        v.throwIfInvalid();
        return audit.search(user.caller(), search, paging);
    }
}
