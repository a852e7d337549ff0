package com.partnerportal.web.api;

import com.partnerportal.cockpit.Cockpit;
import com.partnerportal.cockpit.CockpitLead;
import com.partnerportal.cockpit.CockpitQuery;
import com.partnerportal.cockpit.CockpitSummary;
import com.partnerportal.platform.Page;
import com.partnerportal.platform.Validation;
import com.partnerportal.privacy.Access;
import com.partnerportal.privacy.ContactAudit;
import com.partnerportal.web.export.CockpitTable;
import com.partnerportal.web.export.Table;
import com.partnerportal.web.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Locale;

/**
 * {@code /api/cockpit}: the numbers of a cohort, the leads behind each, and those leads as a file.
 * A reseller's {@code partner} is its own; another partner's is refused (403).
 */
@ApplicationScoped
@Path("/cockpit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"channel-manager", "reseller-rep", "reseller-admin"})
public class CockpitResource {

    @Inject
    private ContactAudit audit;

    @Inject
    private Cockpit cockpit;

    @Inject
    private CurrentUser user;

    /** The query parameters every cockpit read shares. */
    public static class Filters {
        @QueryParam("from") String from;
        @QueryParam("to") String to;
        @QueryParam("partner") String partner;
        @QueryParam("region") String region;
        @QueryParam("product") String product;
        @QueryParam("campaign") String campaign;
        @QueryParam("stage") String stage;
        @QueryParam("lossReason") String lossReason;
        @QueryParam("returnReason") String returnReason;
        @QueryParam("breached") String breached;

        CockpitQuery query() {
            return new CockpitQuery(from, to, partner, region, product, campaign, stage, lossReason, returnReason, breached);
        }
    }

    @GET
    @Path("/summary")
    public CockpitSummary summary(@BeanParam Filters filters) {
        return cockpit.summary(user.caller(), filters.query());
    }

    /**
     * The kept figures of a view against the same figures counted over the lead tables: for the
     * benchmark and for a channel manager who doubts a number.
     */
    @GET
    @Path("/check")
    @RolesAllowed("channel-manager")
    public Cockpit.Check check(@BeanParam Filters filters) {
        return cockpit.check(user.caller(), filters.query());
    }

    @GET
    @Path("/leads")
    public Page<CockpitLead> leads(@BeanParam Filters filters, @QueryParam("page") String page, @QueryParam("size") String size) {
        Validation v = new Validation();
        Page.Request paging = v.paging(page, size);
        v.throwIfInvalid();
        Page<CockpitLead> leads = cockpit.leads(user.caller(), filters.query(), paging);
        audit.record(user.caller(), Cockpit.withContact(leads.items()), Access.LIST);
        return leads;
    }

    @GET
    @Path("/export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    public Response export(@BeanParam Filters filters, @QueryParam("format") String format) {
        Validation v = new Validation();
        Table.Format as = format == null || format.isBlank() ? Table.Format.CSV
                : v.requireEnum("format", format.strip().toUpperCase(Locale.ROOT), Table.Format.class);
        v.throwIfInvalid();
        Table table = CockpitTable.of(cockpit.export(user.caller(), filters.query()));
        StreamingOutput body = out -> table.write(as, out);
        return Response.ok(body, as.contentType)
                .header("Content-Disposition", "attachment; filename=\"cockpit-leads." + as.extension + "\"").build();
    }
}
