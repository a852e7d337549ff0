package com.partnerportal.web.api;

import com.partnerportal.intake.RoutingRules;
import com.partnerportal.web.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /api/score-rules}: the points per buying signal, size class and product, replaced as a whole. */
@ApplicationScoped
@Path("/score-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("channel-manager")
public class ScoreRuleResource {

    @Inject
    private RoutingRules routing;

    @Inject
    private CurrentUser user;

    @GET
    public List<RoutingRules.ScoreRuleView> scoreRules() {
        return routing.scoreRules(user.caller());
    }

    @PUT
    public List<RoutingRules.ScoreRuleView> replaceScoreRules(List<RoutingRules.ScoreRuleInput> rules) {
        return routing.replaceScoreRules(user.caller(), rules);
    }
}
