package com.partnerportal.web.api;

import com.partnerportal.kit.KitItem;
import com.partnerportal.kit.KitShelf;
import com.partnerportal.kit.SalesKit;
import com.partnerportal.lead.ActivityInput;
import com.partnerportal.lead.LeadActivity;
import com.partnerportal.lead.LeadInput;
import com.partnerportal.lead.LeadPipeline;
import com.partnerportal.lead.LeadQuery;
import com.partnerportal.lead.PipelineFields;
import com.partnerportal.platform.Patch;
import com.partnerportal.lead.LeadWork;
import com.partnerportal.lead.LeadService;
import com.partnerportal.lead.LeadState;
import com.partnerportal.lead.LeadView;
import com.partnerportal.marketplace.ClaimService;
import com.partnerportal.marketplace.Declines;
import com.partnerportal.platform.MultiLine;
import com.partnerportal.platform.Page;
import com.partnerportal.platform.PortalUrl;
import com.partnerportal.platform.Validation;
import com.partnerportal.privacy.Access;
import com.partnerportal.privacy.ContactAudit;
import com.partnerportal.intake.ImportJobs;
import com.partnerportal.web.imports.LeadFile;
import com.partnerportal.web.imports.LeadImports;
import com.partnerportal.web.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;

/** {@code /api/leads}: intake, the channel manager's moves, and the claim. */
@ApplicationScoped // one instance: it holds only services and the request-scoped caller
@Path("/leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeadResource {

    @Inject
    private LeadService leads;

    @Inject
    private com.partnerportal.intake.LeadIntake intake;

    @Inject
    private LeadImports imports;

    @Inject
    private ImportJobs importer;

    @Inject
    private com.partnerportal.intake.Review review;

    @Inject
    private ClaimService claims;

    @Inject
    private Declines declines;

    @Inject
    private SalesKit salesKit;

    @Inject
    private KitShelf kitShelf;

    @Inject
    private LeadWork work;

    @Inject
    private LeadPipeline pipeline;

    @Inject
    private CurrentUser user;

    @Inject
    private ContactAudit audit;

    @Inject
    private com.partnerportal.consent.Consents consents;

    @Inject
    private com.partnerportal.consent.ConsentInvitations invitations;

    @Inject
    private com.partnerportal.consent.PersonalData personalData;

    /** 201 for a new lead, 200 with the stored one when the same source and external id come again. */
    @POST
    @RolesAllowed({"channel-manager", "lead-ingest"})
    public Response create(LeadInput input) {
        LeadInput lead = input == null ? new LeadInput(null, null, null, null, null, null, null, null, null, null, null, null, null) : input;
        com.partnerportal.intake.Delivery result = intake.deliver(user.caller(), lead);
        LeadView stored = leads.bySource(lead.source(), lead.externalId());
        if (!result.created()) {
            return Response.ok(stored).build();
        }
        return Response.created(PortalUrl.of("/api/leads/" + result.id())).entity(stored).build();
    }

    /**
     * Many leads at once, from a CSV or XLSX file (contract: its columns): each row created as a lead sent
     * alone would be, whole or not at all; 200 with the report of what was created, delivered again,
     * held for review and rejected (with the line and the fields at fault). With
     * {@code Prefer: respond-async} (RFC 7240) the file is checked and counted, then imported in the
     * background: 202 with {@code Location: /api/imports/{id}} to watch it ({@link ImportResource}).
     */
    @POST
    @Path("/import")
    @Consumes({"text/csv", LeadFile.Format.XLSX_TYPE})
    @RolesAllowed({"channel-manager", "lead-ingest"})
    public Response importLeads(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, @HeaderParam("Prefer") String prefer,
                                InputStream file) {
        LeadFile.Format format = type != null && type.isCompatible(MediaType.valueOf(LeadFile.Format.XLSX_TYPE))
                ? LeadFile.Format.XLSX : LeadFile.Format.CSV;
        if (prefer != null && java.util.Arrays.stream(prefer.split(","))
                .anyMatch(p -> p.strip().toLowerCase(java.util.Locale.ROOT).startsWith("respond-async"))) {
            long id = imports.start(user.caller(), file, format, null, java.util.Locale.ENGLISH);
            return Response.accepted(importer.find(user.caller(), id)).location(PortalUrl.of("/api/imports/" + id))
                    .header("Preference-Applied", "respond-async").build();
        }
        return Response.ok(imports.run(user.caller(), file, format, java.util.Locale.ENGLISH)).build();
    }

    @GET
    public Page<LeadService.Summary> list(@QueryParam("state") String state,
                                          @QueryParam("q") String text,
                                          @QueryParam("sort") String sort,
                                          @QueryParam("desc") String descending,
                                          @QueryParam("page") String page,
                                          @QueryParam("size") String size) {
        Validation v = new Validation();
        Page.Request paging = v.paging(page, size);
        LeadState filter = state == null || state.isBlank() ? null : v.requireEnum("state", state, LeadState.class);
        LeadQuery.Sort order = sort == null || sort.isBlank() ? null : v.requireEnum("sort", sort, LeadQuery.Sort.class);
        boolean down = v.optionalBoolean("desc", descending, order == null);
        v.throwIfInvalid();
        return leads.list(user.caller(), new LeadQuery(filter, text, order, down), paging.page(), paging.size());
    }

    /** The lead with its version as {@code ETag}, for a later {@code PATCH} with {@code If-Match}. */
    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        return withTag(shown(leads.find(user.caller(), id)));
    }

    /**
     * A JSON merge patch of the pipeline fields ({@link PipelineFields}); with {@code If-Match}, only
     * if the lead is still the version the caller read (else 412).
     */
    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({"reseller-rep", "reseller-admin", "channel-manager"})
    public Response change(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           Patch<PipelineFields> patch) {
        if (patch == null) {
            Validation v = new Validation();
            v.reject("body", "required");
            v.throwIfInvalid();
        }
        return withTag(shown(pipeline.change(user.caller(), id, patch, acceptedVersions(ifMatch))));
    }

    /** The lead as answered, its contact (if it carries one) recorded as revealed to the caller. */
    private LeadView shown(LeadView lead) {
        audit.revealed(user.caller(), lead, Access.API);
        return lead;
    }

    private static Response withTag(LeadView lead) {
        return Response.ok(lead).tag(new EntityTag(Long.toString(lead.version()))).build();
    }

    /**
     * The versions an {@code If-Match} accepts: any (null) for {@code *} or no header, else those its
     * strong tags name; a weak tag or one this API never sent names none (RFC 9110 compares strongly),
     * so that such a request is refused as stale.
     */
    private static java.util.Set<Long> acceptedVersions(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        java.util.Set<Long> versions = new java.util.HashSet<>();
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            if (t.matches("\"[0-9]{1,18}\"")) {
                versions.add(Long.parseLong(t.substring(1, t.length() - 1)));
            }
        }
        return versions;
    }

    /** The channel manager's decision on a lead held for review, with corrections of its data (by import column). */
    @POST
    @Path("/{id}/review")
    @RolesAllowed("channel-manager")
    public LeadView review(@PathParam("id") long id, com.partnerportal.intake.Review.DecisionInput decision) {
        if (decision == null) {
            Validation v = new Validation();
            v.reject("decision", "required");
            v.throwIfInvalid();
        }
        return shown(review.decide(user.caller(), id, decision));
    }

    @POST
    @Path("/{id}/qualify")
    @RolesAllowed("channel-manager")
    public LeadView qualify(@PathParam("id") long id, LeadInput.Handover handover) {
        return shown(leads.qualify(user.caller(), id, handover));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed("channel-manager")
    public LeadView publish(@PathParam("id") long id) {
        return shown(leads.publish(user.caller(), id));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed("channel-manager")
    public LeadView withdraw(@PathParam("id") long id) {
        return shown(leads.withdrawFromPool(user.caller(), id));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed("channel-manager")
    public LeadView close(@PathParam("id") long id, Reason reason) {
        return shown(leads.close(user.caller(), id, reason == null ? null : reason.reason()));
    }

    /** {@code {"reasonCode": "OUT_OF_TERRITORY"}}, a code of the return-reason catalogue. */
    public record ReturnReason(String reasonCode) {
    }

    /** {@code {"reason": "..."}} in the channel manager's words. */
    public record Reason(@MultiLine String reason) {
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed({"reseller-rep", "reseller-admin"})
    public LeadView giveBack(@PathParam("id") long id, ReturnReason reason) {
        return shown(work.giveBack(user.caller(), id, reason == null ? null : reason.reasonCode()));
    }

    @POST
    @Path("/{id}/activities")
    @RolesAllowed({"reseller-rep", "reseller-admin"})
    public LeadView logActivity(@PathParam("id") long id, ActivityInput activity) {
        return shown(work.logActivity(user.caller(), id, activity == null ? new ActivityInput(null, null, null) : activity));
    }

    @GET
    @Path("/{id}/activities")
    public List<LeadActivity.View> activities(@PathParam("id") long id) {
        return work.activities(user.caller(), id);
    }

    /**
     * The full lead with its contact, and the sales kit that applies to it ({@code "salesKit": [...]}):
     * the arguments, offers and services for the product at the moment of the claim. The kit is added
     * to the lead's JSON as written, not by binding the lead twice: the claim is the hottest write.
     */
    @POST
    @Path("/{id}/claim")
    @RolesAllowed({"reseller-rep", "reseller-admin"})
    public Response claim(@PathParam("id") long id) {
        LeadView lead = claims.claim(user.caller(), id);
        String json = JsonbResolver.JSONB.toJson(lead);
        String withKit = json.substring(0, json.lastIndexOf('}')) + ",\"salesKit\":"
                + JsonbResolver.JSONB.toJson(kitShelf.applyingTo(lead)) + "}";
        return Response.ok(withKit, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The sales kit that applies to the lead: for the partner that holds it and the channel manager. */
    @GET
    @Path("/{id}/sales-kit")
    @RolesAllowed({"reseller-rep", "reseller-admin", "channel-manager"})
    public List<KitItem.View> salesKit(@PathParam("id") long id) {
        return salesKit.forLead(user.caller(), id);
    }

    /** {@code {"reasonCode": ...}} from {@code /api/reference/decline-reasons}: "not for us", the lead leaves the caller's marketplace. */
    public record DeclineReason(String reasonCode) {
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed({"reseller-rep", "reseller-admin"})
    public Declines.Declined decline(@PathParam("id") long id, DeclineReason reason) {
        return declines.decline(user.caller(), id, reason == null ? null : reason.reasonCode());
    }

    // the prospect's consent of a lead, for the channel manager (in this class: a second root resource
    // under /leads/{id} would take every other request of a lead, and answer it 404)

    @GET
    @Path("/{id}/consents")
    @RolesAllowed("channel-manager")
    public com.partnerportal.consent.ConsentsView consents(@PathParam("id") long id) {
        return consents.view(user.caller(), id);
    }

    /** {@code {"partner", "decision": "ALLOWED|REFUSED", "note"}}: what the prospect said, and how it reached you. */
    @POST
    @Path("/{id}/consents")
    @RolesAllowed("channel-manager")
    public com.partnerportal.consent.ConsentsView record(@PathParam("id") long id, com.partnerportal.consent.Consents.DecisionInput decision) {
        return consents.record(user.caller(), id, decision);
    }

    /** Everything the portal holds about the prospect (GDPR Art. 15/20), as one JSON document to hand over. */
    @GET
    @Path("/{id}/personal-data")
    @RolesAllowed("channel-manager")
    public Response personalData(@PathParam("id") long id) {
        return Response.ok(personalData.export(user.caller(), id))
                .header("Content-Disposition", "attachment; filename=\"personal-data-lead-" + id + ".json\"").build();
    }

    /** Erases the prospect's personal data everywhere (GDPR Art. 17); the answer says where it is still found: nowhere. */
    @POST
    @Path("/{id}/erasure")
    @RolesAllowed("channel-manager")
    public com.partnerportal.consent.PersonalData.Erasure erase(@PathParam("id") long id) {
        return personalData.erase(user.caller(), id);
    }

    /** Asks the prospect by e-mail to choose partners: 202, the mail is on its way. */
    @POST
    @Path("/{id}/consent-invitations")
    @RolesAllowed("channel-manager")
    public Response invite(@PathParam("id") long id) {
        invitations.invite(user.caller(), id);
        return Response.accepted().build();
    }
}
