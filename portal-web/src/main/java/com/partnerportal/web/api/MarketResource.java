package com.partnerportal.web.api;

import com.partnerportal.marketplace.MarketCards;
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
import java.util.List;

/** {@code /api/markets}: per market (country), whether the marketplace's cards name the company before the claim. */
@ApplicationScoped
@Path("/markets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("channel-manager")
public class MarketResource {

    @Inject
    private MarketCards markets;

    @Inject
    private CurrentUser user;

    @GET
    public List<MarketCards.Market> markets() {
        return markets.list(user.caller());
    }

    /** {@code {"companyNameOnCards": true}}. */
    @PUT
    @Path("/{country}")
    public MarketCards.Market save(@PathParam("country") String country, MarketCards.MarketInput input) {
        return markets.save(user.caller(), country, input);
    }
}
