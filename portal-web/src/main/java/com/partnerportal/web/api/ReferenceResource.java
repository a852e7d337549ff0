package com.partnerportal.web.api;

import com.partnerportal.reference.Catalog;
import com.partnerportal.reference.Code;
import com.partnerportal.reference.ReferenceCatalog;
import com.partnerportal.reference.RegionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
