package com.partnerportal.web.api;

import com.partnerportal.consent.Consents;
import com.partnerportal.consent.ConsentsView;
import com.partnerportal.lead.ConsentRules;
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
 * The prospect's consent, for the channel manager: a lead's consents and their ledger, a decision
 * the prospect told the channel manager, and which sources and countries need consent.
 */
@ApplicationScoped
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("channel-manager")
public class ConsentResource {

    @Inject
    private Consents consents;

    @Inject
    private ConsentRules rules;

    @Inject
    private com.partnerportal.consent.ConsentInvitations invitations;

    @Inject
    private CurrentUser user;

    @GET
    @Path("leads/{id}/consents")
    public ConsentsView consents(@PathParam("id") long id) {
        return consents.view(user.caller(), id);
    }

    /** {@code {"partner", "decision": "ALLOWED|REFUSED", "note"}}: what the prospect said, and how it reached you. */
    @POST
    @Path("leads/{id}/consents")
    public ConsentsView record(@PathParam("id") long id, Consents.DecisionInput decision) {
        return consents.record(user.caller(), id, decision);
    }

    /** Asks the prospect by e-mail to choose partners: 202, the mail is on its way. */
    @POST
    @Path("leads/{id}/consent-invitations")
    public Response invite(@PathParam("id") long id) {
        invitations.invite(user.caller(), id);
        return Response.accepted().build();
    }

    @GET
    @Path("consent-rules")
    public List<ConsentRules.Rule> rules() {
        return rules.list(user.caller());
    }

    /** {@code {"source", "country", "required"}} ({@code *} for any source or country): 201 new, 200 changed. */
    @PUT
    @Path("consent-rules")
    public Response saveRule(ConsentRules.RuleInput rule) {
        ConsentRules.Saved saved = rules.save(user.caller(), rule);
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK).entity(saved.rule()).build();
    }

    @DELETE
    @Path("consent-rules/{source}/{country}")
    public Response deleteRule(@PathParam("source") String source, @PathParam("country") String country) {
        rules.delete(user.caller(), source, country);
        return Response.noContent().build();
    }
}
