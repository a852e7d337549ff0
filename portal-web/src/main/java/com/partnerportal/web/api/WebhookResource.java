package com.partnerportal.web.api;

import com.partnerportal.platform.Page;
import com.partnerportal.platform.PortalUrl;
import com.partnerportal.platform.Validation;
import com.partnerportal.web.security.CurrentUser;
import com.partnerportal.webhook.WebhookEndpoint;
import com.partnerportal.webhook.WebhookMessage;
import com.partnerportal.webhook.Webhooks;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/webhooks}: a partner's admin keeps its partner's endpoints, the channel manager the
 * manufacturer's; each reads its delivery log and replays a delivery.
 */
@ApplicationScoped // one instance: it holds only services and the request-scoped caller
@Path("/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"reseller-admin", "channel-manager"})
public class WebhookResource {

    @Inject
    private Webhooks webhooks;

    @Inject
    private CurrentUser user;

    /** The 201 answer: the endpoint and its secret, shown this once. */
    public record Created(long id, String partner, String url, List<String> events, boolean enabled, Instant createdAt,
                          String secret) {
    }

    @POST
    public Response register(Webhooks.Input input) {
        Webhooks.Registered registered = webhooks.register(user.caller(), input);
        WebhookEndpoint.View e = registered.endpoint();
        return Response.created(PortalUrl.of("/api/webhooks/" + e.id()))
                .entity(new Created(e.id(), e.partner(), e.url(), e.events(), e.enabled(), e.createdAt(), registered.secret()))
                .build();
    }

    @GET
    public List<WebhookEndpoint.View> list() {
        return webhooks.list(user.caller());
    }

    @DELETE
    @Path("/{id}")
    public void delete(@PathParam("id") long id) {
        webhooks.delete(user.caller(), id);
    }

    /** A new secret, shown this once; the previous one keeps signing beside it for a day. */
    @POST
    @Path("/{id}/secret")
    public Map<String, String> rotate(@PathParam("id") long id) {
        return Map.of("secret", webhooks.rotate(user.caller(), id));
    }

    @GET
    @Path("/{id}/deliveries")
    public Page<WebhookMessage.View> deliveries(@PathParam("id") long id, @QueryParam("page") String page,
                                                @QueryParam("size") String size) {
        Validation v = new Validation();
        Page.Request paging = v.paging(page, size);
        v.throwIfInvalid();
        return webhooks.deliveries(user.caller(), id, paging.page(), paging.size());
    }

    /** Sends the delivery again now (and enables its endpoint again if it was disabled). */
    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    public WebhookMessage.View replay(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId) {
        return webhooks.replay(user.caller(), id, deliveryId);
    }
}
