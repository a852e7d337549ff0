package com.partnerportal.web.api;

import com.partnerportal.reference.Catalog;
import com.partnerportal.reference.Code;
import com.partnerportal.reference.ReferenceCatalog;
import com.partnerportal.reference.RegionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import com.partnerportal.platform.PortalUrl;
import com.partnerportal.web.security.CurrentUser;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The catalogues, for any signed-in user. */
@ApplicationScoped // one instance: it holds only services and the request-scoped caller
@Path("/reference")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceResource {

    @Inject
    private ReferenceCatalog catalog;

    @Inject
    private CurrentUser user;

    @GET
    @Path("/loss-reasons")
    public List<Code> lossReasons() {
        return catalog.entries(Catalog.LOSS_REASON);
    }

    @GET
    @Path("/return-reasons")
    public List<Code> returnReasons() {
        return catalog.entries(Catalog.RETURN_REASON);
    }

    /** 201 for a new reason, 200 for a changed one; {@code "active": false} deactivates a code, which is never deleted. */
    @PUT
    @Path("/loss-reasons/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("portal-admin")
    public Response saveLossReason(@PathParam("code") String code, Code.Input input) {
        return save(Catalog.LOSS_REASON, "/api/reference/loss-reasons/", code, input);
    }

    @PUT
    @Path("/return-reasons/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("portal-admin")
    public Response saveReturnReason(@PathParam("code") String code, Code.Input input) {
        return save(Catalog.RETURN_REASON, "/api/reference/return-reasons/", code, input);
    }

    @GET
    @Path("/decline-reasons")
    public List<Code> declineReasons() {
        return catalog.entries(Catalog.DECLINE_REASON);
    }

    @PUT
    @Path("/decline-reasons/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("portal-admin")
    public Response saveDeclineReason(@PathParam("code") String code, Code.Input input) {
        return save(Catalog.DECLINE_REASON, "/api/reference/decline-reasons/", code, input);
    }

    private Response save(Catalog which, String path, String code, Code.Input input) {
        boolean created = catalog.save(user.caller(), which, code, input);
        Code saved = catalog.entries(which).stream().filter(c -> c.code().equalsIgnoreCase(code.strip())).findFirst().orElseThrow();
        return created ? Response.created(PortalUrl.of(path + saved.code())).entity(saved).build() : Response.ok(saved).build();
    }

    @GET
    @Path("/products")
    public List<Code> products() {
        return catalog.entries(Catalog.PRODUCT);
    }

    @GET
    @Path("/certifications")
    public List<Code> certifications() {
        return catalog.entries(Catalog.CERTIFICATION);
    }

    @GET
    @Path("/regions")
    public List<RegionView> regions() {
        return catalog.regions();
    }
}
