package com.partnerportal.web.api;

import com.partnerportal.platform.Validation;
import com.partnerportal.user.OfferMail;
import com.partnerportal.user.PortalUser;
import com.partnerportal.user.PortalUsers;
import com.partnerportal.web.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/profile}: the caller's own profile and how it hears of new leads, for any signed-in user. */
@ApplicationScoped // one instance: it holds only services and the request-scoped caller
@Path("/profile")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProfileResource {

    @Inject
    private PortalUsers users;

    @Inject
    private CurrentUser user;

    @GET
    public PortalUser.Profile profile() {
        return users.profile(user.caller());
    }

    /** {@code {"offerMail": "INSTANT|HOURLY|DAILY|NONE"}}: a mail at once, a digest, or the bell only. */
    public record Preferences(String offerMail) {
    }

    @PUT
    public PortalUser.Profile prefer(Preferences body) {
        Validation v = new Validation();
        OfferMail offerMail = v.requireEnum("offerMail", body == null ? null : body.offerMail(), OfferMail.class);
        v.throwIfInvalid();
        return users.prefer(user.caller(), offerMail);
    }
}
