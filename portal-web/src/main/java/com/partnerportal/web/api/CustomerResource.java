package com.partnerportal.web.api;

import com.partnerportal.intake.CustomerView;
import com.partnerportal.intake.Customers;
import com.partnerportal.platform.Page;
import com.partnerportal.platform.Validation;
import com.partnerportal.web.imports.LeadImports;
import com.partnerportal.web.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Locale;

/**
 * {@code /api/customers}: the customer master, kept by key (201 new, 200 updated), imported from CSV,
 * searched by name, key, domain or VAT id.
 */
@ApplicationScoped
@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

    @Inject
    private Customers customers;

    @Inject
    private LeadImports imports;

    @Inject
    private CurrentUser user;

    @POST
    @RolesAllowed({"channel-manager", "lead-ingest"})
    public Response save(CustomerView customer) {
        Customers.Saved saved = customers.save(user.caller(), customer);
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(saved.customer()).build();
    }

    @POST
    @Path("/import")
    @Consumes("text/csv")
    @RolesAllowed({"channel-manager", "lead-ingest"})
    public Customers.ImportReport importCustomers(InputStream file) {
        return imports.customers(user.caller(), file, Locale.ENGLISH);
    }

    @GET
    @RolesAllowed("channel-manager")
    public Page<CustomerView> search(@QueryParam("q") String q, @QueryParam("page") String page,
                                     @QueryParam("size") String size) {
        Validation v = new Validation();
        Page.Request paging = v.paging(page, size);
        v.throwIfInvalid();
        return customers.search(user.caller(), q, paging);
    }
}
