package com.partnerportal.web.api;

import com.partnerportal.intake.Review;
import com.partnerportal.lead.ReviewCode;
import com.partnerportal.platform.Page;
import com.partnerportal.platform.Validation;
import com.partnerportal.web.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code /api/review}: the leads held at intake with their reasons, oldest first ({@code ?reason=}
 * narrows to one), and how many each reason holds per source. Decisions are
 * {@code POST /api/leads/{id}/review}.
 */
@ApplicationScoped
@Path("/review")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("channel-manager")
public class ReviewResource {

    @Inject
    private Review review;

    @Inject
    private CurrentUser user;

    @GET
    public Page<Review.Item> queue(@QueryParam("reason") String reason, @QueryParam("page") String page,
                                   @QueryParam("size") String size) {
        Validation v = new Validation();
        Page.Request paging = v.paging(page, size);
        ReviewCode code = reason == null || reason.isBlank() ? null : v.requireEnum("reason", reason, ReviewCode.class);
        v.throwIfInvalid();
        return review.queue(user.caller(), code, paging);
    }

    @GET
    @Path("/counts")
    public List<Review.ReasonCount> counts() {
        return review.counts(user.caller());
    }
}
