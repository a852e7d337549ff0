package com.partnerportal.web.api;

import com.partnerportal.intake.ImportJobs;
import com.partnerportal.web.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/imports/{id}}: an import started with {@code Prefer: respond-async}, as far as it got:
 * {@code state} (RUNNING, DONE, FAILED, INTERRUPTED by a server stop), {@code rowsDone} of
 * {@code rowsTotal}, and the report's fields (complete once DONE). Its starter and every channel
 * manager see it; for anyone else it does not exist (404).
 */
@ApplicationScoped
@Path("/imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"channel-manager", "lead-ingest"})
public class ImportResource {

    @Inject
    private ImportJobs jobs;

    @Inject
    private CurrentUser user;

    @GET
    @Path("/{id}")
    public ImportJobs.View get(@PathParam("id") long id) {
        return jobs.find(user.caller(), id);
    }
}
