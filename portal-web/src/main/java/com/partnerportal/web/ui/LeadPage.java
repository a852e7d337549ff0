package com.partnerportal.web.ui;

import com.partnerportal.lead.ActivityInput;
import com.partnerportal.lead.ActivityKind;
import com.partnerportal.lead.LeadAction;
import com.partnerportal.lead.LeadActivity;
import com.partnerportal.lead.LeadInput;
import com.partnerportal.lead.LeadPipeline;
import com.partnerportal.lead.LeadService;
import com.partnerportal.lead.LeadState;
import com.partnerportal.lead.Money;
import com.partnerportal.lead.PipelineFields;
import com.partnerportal.platform.Patch;
import com.partnerportal.platform.PreconditionFailedException;
import com.partnerportal.sla.SlaPolicy;
import com.partnerportal.user.PortalUser;
import com.partnerportal.user.PortalUsers;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import com.partnerportal.lead.LeadView;
import com.partnerportal.lead.LeadWork;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.ConflictException;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;

/**
 * One lead: company, contact (for the manufacturer and the holding partner), handover protocol,
 * timeline; the moves its state allows to this user.
 */
@Named
@ViewScoped
public class LeadPage implements Serializable {

    @Inject
    private LeadService leads;

    @Inject
    private LeadWork work;

    @Inject
    private LeadPipeline pipeline;

    @Inject
    private PortalUsers users;

    @Inject
    private CurrentUser user;

    @Inject
    private com.partnerportal.privacy.ContactAudit audit;

    @Inject
    private com.partnerportal.consent.PersonalData personalData;

    private List<PortalUser.View> partnerUsers;

    private Long id;
    private LeadView lead;
    private List<LeadActivity.View> activities = List.of();

    private String handoverReason;
    private String prospectAsked;
    private String promised;
    private String nextStep;
    private String activityKind = ActivityKind.CALL.name();
    private String activityNote;
    private String returnReason;
    private String closeReason;
    private String activityAt;

    private String stage;
    private String expectedAmount;
    private String expectedCurrency = "EUR";
    private String expectedCloseDate;
    private String followUpAt;
    private String wonAmount;
    private String wonCurrency = "EUR";
    private String lossReason;
    private String lossComment;
    private String assignee;

    @Inject
    private com.partnerportal.consent.Consents consentsOfProspect;

    /** The prospect's consents, for the channel manager; null for anyone else. */
    private com.partnerportal.consent.ConsentsView consents;
    private String consentPartner;
    private String consentDecision;
    private String consentNote;

    /** Called by {@code f:viewAction} with the {@code id} parameter. */
    public void load() {
        if (id == null) {
            FacesMessages.error("lead.notChosen");
            return;
        }
        try {
            show(leads.find(user.caller(), id));
            audit.revealed(user.caller(), lead, com.partnerportal.privacy.Access.LEAD_PAGE);
        } catch (NotFoundException e) {
            lead = null;
            FacesMessages.error("lead.notFound");
        }
    }

    /** Shows the lead as the domain gave it back, its form fields filled from it. */
    private void show(LeadView shown) {
        lead = shown;
        activities = work.activities(user.caller(), id);
        consents = user.caller().has(com.partnerportal.platform.Role.CHANNEL_MANAGER)
                ? consentsOfProspect.view(user.caller(), id) : null;
        stage = lead.state().name();
        expectedAmount = lead.expectedRevenue() == null ? null : lead.expectedRevenue().amount();
        expectedCurrency = lead.expectedRevenue() == null ? "EUR" : lead.expectedRevenue().currency();
        expectedCloseDate = lead.expectedCloseDate() == null ? null : lead.expectedCloseDate().toString();
        followUpAt = DateTimeInput.of(lead.followUpAt());
        assignee = lead.assignee();
        wonAmount = null;
        lossReason = null;
        lossComment = null;
        partnerUsers = null;
        LeadInput.Handover handover = lead.handover() == null ? new LeadInput.Handover(null, null, null, null) : lead.handover();
        handoverReason = handover.reason();
        prospectAsked = handover.prospectAsked();
        promised = handover.promised();
        nextStep = handover.nextStep();
    }

    public void qualify() {
        act(() -> leads.qualify(user.caller(), id, new LeadInput.Handover(handoverReason, prospectAsked, promised, nextStep)),
                "leadForm", "lead.qualified");
    }

    public void publish() {
        act(() -> leads.publish(user.caller(), id), "leadForm", "lead.published");
    }

    public void withdraw() {
        act(() -> leads.withdrawFromPool(user.caller(), id), "leadForm", "lead.withdrawn");
    }

    public void close() {
        act(() -> leads.close(user.caller(), id, closeReason), "closeForm", "lead.closed");
    }

    public void logActivity() {
        if (act(() -> work.logActivity(user.caller(), id,
                new ActivityInput(activityKind, DateTimeInput.toInstant(activityAt), activityNote)),
                "activityForm", "lead.activityLogged")) {
            activityNote = null;
            activityAt = null;
        }
    }

    /**
     * Saves the pipeline as the form shows it, if nobody changed the lead since it was shown (else
     * the page shows the lead as it is now and says so). Only the partner's admin sends the assignee.
     */
    public void savePipeline() {
        boolean assigns = may(LeadAction.ASSIGN);
        PipelineFields fields = new PipelineFields(stage, money(expectedAmount, expectedCurrency), expectedCloseDate,
                DateTimeInput.toInstant(followUpAt), "LOST".equals(stage) ? lossReason : null,
                "LOST".equals(stage) ? lossComment : null, "WON".equals(stage) ? money(wonAmount, wonCurrency) : null,
                assigns ? assignee : null);
        // a merge patch of what the user changed: a field as it was shown is left as it is stored
        Set<String> given = new HashSet<>();
        if (!lead.state().name().equals(stage)) {
            given.addAll(Set.of(PipelineFields.STAGE, PipelineFields.LOSS_REASON_CODE, PipelineFields.LOSS_COMMENT,
                    PipelineFields.WON_REVENUE));
        }
        if (!java.util.Objects.equals(fields.expectedRevenue(), lead.expectedRevenue())) {
            given.add(PipelineFields.EXPECTED_REVENUE);
        }
        if (!java.util.Objects.equals(blankToNull(expectedCloseDate),
                lead.expectedCloseDate() == null ? null : lead.expectedCloseDate().toString())) {
            given.add(PipelineFields.EXPECTED_CLOSE_DATE);
        }
        if (!java.util.Objects.equals(blankToNull(followUpAt), DateTimeInput.of(lead.followUpAt()))) {
            given.add(PipelineFields.FOLLOW_UP_AT);
        }
        if (assigns && assignee != null && !assignee.equals(lead.assignee())) {
            given.add(PipelineFields.ASSIGNEE);
        }
        long version = lead.version();
        try {
            act(() -> pipeline.change(user.caller(), id, new Patch<>(fields, given), Set.of(version)), "pipelineForm", "lead.pipelineSaved");
        } catch (PreconditionFailedException e) {
            show(leads.find(user.caller(), id));
            FacesMessages.error("lead.changedMeanwhile");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An amount the form holds, or none when its amount is empty. */
    private static Money money(String amount, String currency) {
        return amount == null || amount.isBlank() ? null : new Money(amount, currency);
    }

    /**
     * After giving the lead back the partner no longer sees it: back to its list, which confirms it.
     * A refusal stays on the page.
     */
    public String giveBack() {
        try {
            work.giveBack(user.caller(), id, returnReason);
            FacesMessages.infoAfterRedirect("lead.returned");
            return "/my-leads.xhtml?faces-redirect=true";
        } catch (InvalidInputException e) {
            FacesMessages.fieldErrors("returnForm", e);
        } catch (ConflictException e) {
            FacesMessages.refusal(e.code());
        } catch (NotFoundException e) {
            FacesMessages.refusal("NOT_FOUND");
        }
        return null;
    }

    /** The channel manager records what the prospect said about a partner. */
    public void recordConsent() {
        try {
            consentsOfProspect.record(user.caller(), id,
                    new com.partnerportal.consent.Consents.DecisionInput(consentPartner, consentDecision, consentNote));
            show(leads.find(user.caller(), id));
            consentPartner = null;
            consentDecision = null;
            consentNote = null;
            FacesMessages.info("consent.recorded");
        } catch (InvalidInputException e) {
            FacesMessages.fieldErrors("consentForm", e);
        } catch (NotFoundException e) {
            FacesMessages.refusal("NOT_FOUND");
        }
    }

    /** Everything about the prospect as a JSON file, for the channel manager to hand over (GDPR Art. 15). */
    public org.primefaces.model.StreamedContent personalData() {
        byte[] json;
        try (jakarta.json.bind.Jsonb jsonb = jakarta.json.bind.JsonbBuilder.create(
                new jakarta.json.bind.JsonbConfig().withFormatting(true))) {
            json = jsonb.toJson(personalData.export(user.caller(), id)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException("The personal data of lead " + id + " could not be written", e);
        }
        return org.primefaces.model.DefaultStreamedContent.builder().name("personal-data-lead-" + id + ".json")
                .contentType("application/json").stream(() -> new java.io.ByteArrayInputStream(json)).build();
    }

    /** Erases the prospect's personal data (GDPR Art. 17), after the channel manager confirmed it. */
    public void erase() {
        try {
            com.partnerportal.consent.PersonalData.Erasure erasure = personalData.erase(user.caller(), id);
            show(leads.find(user.caller(), id));
            if (erasure.heldIn().isEmpty()) {
                FacesMessages.info("privacy.erased");
            } else {
                FacesMessages.warn("privacy.stillHeld");
            }
        } catch (NotFoundException e) {
            FacesMessages.refusal("NOT_FOUND");
        }
    }

    public com.partnerportal.consent.ConsentsView getConsents() {
        return consents;
    }

    public String getConsentPartner() {
        return consentPartner;
    }

    public void setConsentPartner(String consentPartner) {
        this.consentPartner = consentPartner;
    }

    public String getConsentDecision() {
        return consentDecision;
    }

    public void setConsentDecision(String consentDecision) {
        this.consentDecision = consentDecision;
    }

    public String getConsentNote() {
        return consentNote;
    }

    public void setConsentNote(String consentNote) {
        this.consentNote = consentNote;
    }

    private boolean act(Supplier<LeadView> action, String form, String done) {
        try {
            show(action.get());
            FacesMessages.info(done);
            return true;
        } catch (InvalidInputException e) {
            FacesMessages.fieldErrors(form, e);
        } catch (ConflictException e) {
            FacesMessages.refusal(e.code());
        } catch (AccessDeniedException e) {
            FacesMessages.refusal(e.code());
        } catch (NotFoundException e) {
            FacesMessages.refusal("NOT_FOUND");
        }
        return false;
    }

    /** What the domain lets this user do with the lead now: the page offers exactly that. */
    private boolean may(LeadAction action) {
        return lead != null && leads.actions(user.caller(), lead).contains(action);
    }

    public boolean isMayQualify() {
        return may(LeadAction.QUALIFY);
    }

    public boolean isMayPublish() {
        return may(LeadAction.PUBLISH);
    }

    public boolean isMayWithdraw() {
        return may(LeadAction.WITHDRAW);
    }

    public boolean isMayClose() {
        return may(LeadAction.CLOSE);
    }

    public boolean isHolder() {
        return may(LeadAction.LOG_ACTIVITY);
    }

    public boolean isMayGiveBack() {
        return may(LeadAction.GIVE_BACK);
    }

    public boolean isMayMoveOn() {
        return may(LeadAction.MOVE_ON);
    }

    public boolean isMayAssign() {
        return may(LeadAction.ASSIGN);
    }

    /** The stages the lead may be moved to from here, its own first: the pipeline's forward moves. */
    public List<LeadState> getStages() {
        if (lead == null) {
            return List.of();
        }
        return LeadState.PIPELINE.stream()
                .filter(s -> s == lead.state() || lead.state().canMoveTo(s)).toList();
    }

    /** Who of the holding partner may work the lead: for its admin's choice. */
    public List<PortalUser.View> getPartnerUsers() {
        if (partnerUsers == null) {
            partnerUsers = lead == null || lead.partner() == null ? List.of() : users.ofPartner(user.caller(), lead.partner());
            if (lead != null && lead.assignee() != null
                    && partnerUsers.stream().noneMatch(u -> u.username().equals(lead.assignee()))) {
                // who works it now, though the portal has not met them yet: the choice starts there
                List<PortalUser.View> withCurrent = new java.util.ArrayList<>(partnerUsers);
                withCurrent.add(0, new PortalUser.View(lead.assignee(), lead.assignee(), null, null, lead.partner()));
                partnerUsers = withCurrent;
            }
        }
        return partnerUsers;
    }

    /** By when the first activity must be logged before the SLA takes the lead back; null when none runs. */
    public Instant getFirstActivityDue() {
        return lead == null ? null : SlaPolicy.firstActivityDue(lead.state(), lead.claimedAt(), lead.lastActivityAt(),
                lead.company().country());
    }

    /** The latest time an activity may be logged at: now, in the input's form. */
    public String getNowInput() {
        return DateTimeInput.of(Instant.now());
    }

    /** The earliest: the claim. */
    public String getClaimInput() {
        return lead == null ? null : DateTimeInput.of(lead.claimedAt());
    }

    public ActivityKind[] getActivityKinds() {
        return ActivityKind.values();
    }

    public LeadView getLead() {
        return lead;
    }

    public List<LeadActivity.View> getActivities() {
        return activities;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getHandoverReason() {
        return handoverReason;
    }

    public void setHandoverReason(String handoverReason) {
        this.handoverReason = handoverReason;
    }

    public String getProspectAsked() {
        return prospectAsked;
    }

    public void setProspectAsked(String prospectAsked) {
        this.prospectAsked = prospectAsked;
    }

    public String getPromised() {
        return promised;
    }

    public void setPromised(String promised) {
        this.promised = promised;
    }

    public String getNextStep() {
        return nextStep;
    }

    public void setNextStep(String nextStep) {
        this.nextStep = nextStep;
    }

    public String getActivityKind() {
        return activityKind;
    }

    public void setActivityKind(String activityKind) {
        this.activityKind = activityKind;
    }

    public String getActivityNote() {
        return activityNote;
    }

    public void setActivityNote(String activityNote) {
        this.activityNote = activityNote;
    }

    public String getReturnReason() {
        return returnReason;
    }

    public void setReturnReason(String returnReason) {
        this.returnReason = returnReason;
    }

    public String getCloseReason() {
        return closeReason;
    }

    public void setCloseReason(String closeReason) {
        this.closeReason = closeReason;
    }

    public String getActivityAt() {
        return activityAt;
    }

    public void setActivityAt(String activityAt) {
        this.activityAt = activityAt;
    }

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }

    public String getExpectedAmount() {
        return expectedAmount;
    }

    public void setExpectedAmount(String expectedAmount) {
        this.expectedAmount = expectedAmount;
    }

    public String getExpectedCurrency() {
        return expectedCurrency;
    }

    public void setExpectedCurrency(String expectedCurrency) {
        this.expectedCurrency = expectedCurrency;
    }

    public String getExpectedCloseDate() {
        return expectedCloseDate;
    }

    public void setExpectedCloseDate(String expectedCloseDate) {
        this.expectedCloseDate = expectedCloseDate;
    }

    public String getFollowUpAt() {
        return followUpAt;
    }

    public void setFollowUpAt(String followUpAt) {
        this.followUpAt = followUpAt;
    }

    public String getWonAmount() {
        return wonAmount;
    }

    public void setWonAmount(String wonAmount) {
        this.wonAmount = wonAmount;
    }

    public String getWonCurrency() {
        return wonCurrency;
    }

    public void setWonCurrency(String wonCurrency) {
        this.wonCurrency = wonCurrency;
    }

    public String getLossReason() {
        return lossReason;
    }

    public void setLossReason(String lossReason) {
        this.lossReason = lossReason;
    }

    public String getLossComment() {
        return lossComment;
    }

    public void setLossComment(String lossComment) {
        this.lossComment = lossComment;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }
}
