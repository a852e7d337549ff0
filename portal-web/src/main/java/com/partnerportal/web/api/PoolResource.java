package com.partnerportal.web.api;

import com.partnerportal.lead.LeadQuery;
import com.partnerportal.marketplace.PoolView;
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

/** {@code /api/pool}: the published leads, who may take each now, who took it, how long it waited. */
@ApplicationScoped // one instance: it holds only services and the request-scoped caller
@Path("/pool")
@Produces(MediaType.APPLICATION_JSON)
public class PoolResource {

    @Inject
    private PoolView pool;

    @Inject
    private CurrentUser user;

    @GET
    @RolesAllowed({"channel-manager", "portal-admin"})
    public Page<PoolView.Entry> pool(@QueryParam("q") String text,
                                     @QueryParam("sort") String sort,
                                     @QueryParam("desc") String descending,
                                     @QueryParam("page") String page,
                                     @QueryParam("size") String size) {
        Validation v = new Validation();
        Page.Request paging = v.paging(page, size);
        LeadQuery.Sort order = sort == null || sort.isBlank() ? LeadQuery.Sort.PUBLISHED
                : v.requireEnum("sort", sort, LeadQuery.Sort.class);
        boolean down = v.optionalBoolean("desc", descending, sort == null || sort.isBlank());
        v.throwIfInvalid();
        return pool.page(user.caller(), new LeadQuery(null, text, order, down), paging.page(), paging.size());
    }
}
