package com.partnerportal.web.api;

import com.partnerportal.lead.ConsentRules;
import com.partnerportal.web.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /api/consent-rules}: which sources and countries need the prospect's consent, kept by the channel manager. */
@ApplicationScoped
@Path("/consent-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("channel-manager")
public class ConsentRuleResource {

    @Inject
    private ConsentRules rules;

    @Inject
    private CurrentUser user;

    @GET
    public List<ConsentRules.Rule> rules() {
        return rules.list(user.caller());
    }

    /** {@code {"source", "country", "required"}} ({@code *} for any source or country): 201 new, 200 changed. */
    @PUT
    public Response saveRule(ConsentRules.RuleInput rule) {
        ConsentRules.Saved saved = rules.save(user.caller(), rule);
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK).entity(saved.rule()).build();
    }

    @DELETE
    @Path("/{source}/{country}")
    public Response deleteRule(@PathParam("source") String source, @PathParam("country") String country) {
        rules.delete(user.caller(), source, country);
        return Response.noContent().build();
    }
}
