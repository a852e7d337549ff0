package com.partnerportal.web.api;

import com.partnerportal.cockpit.Campaign;
import com.partnerportal.cockpit.Campaigns;
import com.partnerportal.platform.PortalUrl;
import com.partnerportal.web.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /api/campaigns}: the campaigns and their cost, for the cockpit's return on investment. */
@ApplicationScoped
@Path("/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("channel-manager")
public class CampaignResource {

    @Inject
    private Campaigns campaigns;

    @Inject
    private CurrentUser user;

    @GET
    public List<Campaign.View> list() {
        return campaigns.list(user.caller());
    }

    /** 201 for a new campaign, 200 when it replaced the one of this code. */
    @PUT
    @Path("/{code}")
    public Response save(@PathParam("code") String code, Campaign.Input input) {
        Campaigns.Saved saved = campaigns.save(user.caller(), code, input);
        return saved.created()
                ? Response.created(PortalUrl.of("/api/campaigns/" + saved.campaign().code())).entity(saved.campaign()).build()
                : Response.ok(saved.campaign()).build();
    }
}
