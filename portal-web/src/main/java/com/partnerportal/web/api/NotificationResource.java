package com.partnerportal.web.api;

import com.partnerportal.notification.Notification;
import com.partnerportal.notification.Notifications;
import com.partnerportal.platform.Page;
import com.partnerportal.platform.Validation;
import com.partnerportal.web.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/notifications}: the caller's own notifications, for any signed-in user. */
@ApplicationScoped // one instance: it holds only services and the request-scoped caller
@Path("/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    @Inject
    private Notifications notifications;

    @Inject
    private CurrentUser user;

    /** The newest first; {@code unread=true} only the unread ones, {@code false} only the read ones, none all. */
    @GET
    public Page<Notification.View> list(@QueryParam("unread") String unread,
                                        @QueryParam("page") String page,
                                        @QueryParam("size") String size) {
        Validation v = new Validation();
        Page.Request paging = v.paging(page, size);
        Boolean filter = unread == null || unread.isBlank() ? null : v.optionalBoolean("unread", unread, false);
        v.throwIfInvalid();
        return notifications.list(user.caller(), filter, paging.page(), paging.size());
    }

    /** 204; reading it again changes nothing; another user's notification is 404. */
    @POST
    @Path("/{id}/read")
    public void markRead(@PathParam("id") long id) {
        notifications.markRead(user.caller(), id);
    }
}
