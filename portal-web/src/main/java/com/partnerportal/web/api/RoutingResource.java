package com.partnerportal.web.api;

import com.partnerportal.intake.RoutingRules;
import com.partnerportal.platform.PortalUrl;
import com.partnerportal.web.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /api/routing-rules}: the channel manager's routing rules per market (create, read, change,
 * delete; a change applies to leads delivered from then on) and their preview over the last 30 days'
 * leads, as kept or as drafted for one market.
 */
@ApplicationScoped
@Path("/routing-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("channel-manager")
public class RoutingResource {

    /** A draft of one market's rules, to preview before saving. */
    public record Draft(String country, List<RoutingRules.RuleInput> rules) {
    }

    @Inject
    private RoutingRules routing;

    @Inject
    private CurrentUser user;

    @GET
    public List<RoutingRules.RuleView> rules() {
        return routing.rules(user.caller());
    }

    @POST
    public Response create(RoutingRules.RuleInput input) {
        RoutingRules.RuleView rule = routing.create(user.caller(), input);
        return Response.created(PortalUrl.of("/api/routing-rules/" + rule.id())).entity(rule).build();
    }

    @GET
    @Path("{id}")
    public RoutingRules.RuleView rule(@PathParam("id") long id) {
        return routing.rule(user.caller(), id);
    }

    @PUT
    @Path("{id}")
    public RoutingRules.RuleView change(@PathParam("id") long id, RoutingRules.RuleInput input) {
        return routing.update(user.caller(), id, input);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        routing.delete(user.caller(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("preview")
    public List<RoutingRules.Preview> preview() {
        return routing.preview(user.caller());
    }

    @POST
    @Path("preview")
    public RoutingRules.Preview preview(Draft draft) {
        Draft d = draft == null ? new Draft(null, null) : draft;
        String country = d.country() == null ? null : d.country().strip().toUpperCase(java.util.Locale.ROOT);
        if (country == null || country.isEmpty()) {
            throw new com.partnerportal.platform.InvalidInputException(
                    List.of(new com.partnerportal.platform.FieldError("country", "required")));
        }
        return routing.preview(user.caller(), country, d.rules() == null ? List.of() : d.rules());
    }
}
