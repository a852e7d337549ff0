package com.partnerportal.web.api;

import com.partnerportal.marketplace.Marketplace;
import com.partnerportal.marketplace.MarketplacePage;
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

/** {@code /api/marketplace}: the anonymised pool cards this partner may take now. */
@ApplicationScoped // one instance: it holds only services and the request-scoped caller
@Path("/marketplace")
@Produces(MediaType.APPLICATION_JSON)
public class MarketplaceResource {

    @Inject
    private Marketplace marketplace;

    @Inject
    private CurrentUser user;

    @GET
    @RolesAllowed({"reseller-rep", "reseller-admin"})
    public MarketplacePage feed(@QueryParam("page") String page,
                                @QueryParam("size") String size,
                                @QueryParam("region") String region,
                                @QueryParam("product") String product,
                                @QueryParam("sizeClass") String sizeClass) {
        Validation v = new Validation();
        Page.Request paging = v.paging(page, size);
        v.throwIfInvalid();
        return marketplace.feed(user.caller(), new Marketplace.Filter(code(region), code(product), code(sizeClass)),
                paging.page(), paging.size());
    }

    /** How many fitting leads are still held back for higher tiers, and when the first opens to the caller. */
    @GET
    @Path("/upcoming")
    @RolesAllowed({"reseller-rep", "reseller-admin"})
    public Marketplace.Upcoming upcoming() {
        return marketplace.upcoming(user.caller());
    }

    private static String code(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
