package com.partnerportal.web.api;

import com.partnerportal.apiclient.ApiClient;
import com.partnerportal.apiclient.ApiClients;
import com.partnerportal.platform.PortalUrl;
import com.partnerportal.web.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /api/api-clients}: a partner's admin makes API credentials for its CRM (a client-credentials
 * client in Keycloak, bound to the partner; the secret is in the 201 answer only) and revokes them.
 */
@ApplicationScoped // one instance: it holds only services and the request-scoped caller
@Path("/api-clients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("reseller-admin")
public class ApiClientResource {

    @Inject
    private ApiClients clients;

    @Inject
    private CurrentUser user;

    @GET
    public List<ApiClient.View> list() {
        return clients.list(user.caller());
    }

    /** {@code {"name"}}: 201 with {@code client}, {@code clientId}, {@code clientSecret} (this once) and {@code tokenUrl}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ApiClients.Input input) {
        ApiClients.Made made = clients.create(user.caller(), input);
        return Response.created(PortalUrl.of("/api/api-clients/" + made.client().id())).entity(made)
                .header("Cache-Control", "no-store").build();
    }

    /** Revokes the credential: Keycloak refuses its tokens from now on. */
    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") long id) {
        clients.revoke(user.caller(), id);
        return Response.noContent().build();
    }
}
