package com.partnerportal.web.api;

import com.partnerportal.intake.MarketChecks;
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

/** {@code /api/intake-checks}: per market (country), which of the intake's checks hold its leads for review. */
@ApplicationScoped
@Path("/intake-checks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("channel-manager")
public class IntakeCheckResource {

    @Inject
    private MarketChecks checks;

    @Inject
    private CurrentUser user;

    @GET
    public List<MarketChecks.Switch> list() {
        return checks.list(user.caller());
    }

    /** {@code {"active": false}} switches the check off for the country. */
    @PUT
    @Path("/{country}/{code}")
    public MarketChecks.Switch save(@PathParam("country") String country, @PathParam("code") String code,
                                    MarketChecks.SwitchInput input) {
        return checks.save(user.caller(), country, code, input);
    }
}
