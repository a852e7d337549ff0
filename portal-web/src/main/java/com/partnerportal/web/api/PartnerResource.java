package com.partnerportal.web.api;

import com.partnerportal.partner.Availability;
import com.partnerportal.partner.PartnerDirectory;
import com.partnerportal.partner.PartnerProfile;
import com.partnerportal.partner.PartnerQuery;
import com.partnerportal.partner.PartnerView;
import com.partnerportal.partner.Tier;
import com.partnerportal.platform.Page;
import com.partnerportal.platform.PortalUrl;
import com.partnerportal.sla.SlaBreach;
import com.partnerportal.sla.SlaService;
import com.partnerportal.platform.Validation;
import com.partnerportal.web.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /api/partners}: the directory for the manufacturer, a reseller's own profile for the reseller. */
@ApplicationScoped // one instance: it holds only services and the request-scoped caller
@Path("/partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartnerResource {

    @Inject
    private PartnerDirectory directory;

    @Inject
    private CurrentUser user;

    @Inject
    private SlaService sla;

    @GET
    public Page<PartnerView> list(@QueryParam("page") String page,
                                  @QueryParam("size") String size,
                                  @QueryParam("q") String text,
                                  @QueryParam("tier") String tier,
                                  @QueryParam("region") String region,
                                  @QueryParam("sort") @DefaultValue("NAME") String sort,
                                  @QueryParam("desc") String desc) {
        Validation v = new Validation();
        Page.Request paging = v.paging(page, size);
        Tier tierFilter = tier == null || tier.isBlank() ? null : v.requireEnum("tier", tier, Tier.class);
        PartnerQuery.SortField sortBy = v.requireEnum("sort", sort, PartnerQuery.SortField.class);
        boolean descending = v.optionalBoolean("desc", desc, false);
        v.throwIfInvalid();
        return directory.search(user.caller(), new PartnerQuery(text, tierFilter, region, sortBy, descending,
                paging.page(), paging.size()));
    }

    @GET
    @Path("/{key}")
    public PartnerView get(@PathParam("key") String key) {
        return directory.find(user.caller(), key);
    }

    @POST
    @RolesAllowed("channel-manager")
    public Response create(PartnerProfile profile) {
        PartnerView created = directory.create(user.caller(), profile == null ? emptyProfile() : profile);
        return Response.created(PortalUrl.of("/api/partners/" + created.key())).entity(created).build();
    }

    @PUT
    @Path("/{key}")
    @RolesAllowed("channel-manager")
    public PartnerView update(@PathParam("key") String key, PartnerProfile profile) {
        return directory.update(user.caller(), key, profile == null ? emptyProfile() : profile);
    }

    @PUT
    @Path("/{key}/availability")
    @RolesAllowed({"channel-manager", "reseller-admin"})
    public PartnerView updateAvailability(@PathParam("key") String key, Availability availability) {
        return directory.updateAvailability(user.caller(), key,
                availability == null ? new Availability(null, null, null) : availability);
    }

    /** The partner's SLA record: every lead taken back because nobody worked it in time. */
    @GET
    @Path("/{key}/sla-breaches")
    public java.util.List<SlaBreach.View> slaBreaches(@PathParam("key") String key) {
        return sla.breaches(user.caller(), key);
    }

    private static PartnerProfile emptyProfile() {
        return new PartnerProfile(null, null, null, null, null, null, null, null, null, null);
    }
}
