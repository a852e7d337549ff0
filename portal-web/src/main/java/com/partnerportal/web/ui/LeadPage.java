package com.partnerportal.web.ui;

import com.partnerportal.lead.ActivityInput;
import com.partnerportal.lead.ActivityKind;
import com.partnerportal.lead.LeadAction;
import com.partnerportal.lead.LeadActivity;
import com.partnerportal.lead.LeadInput;
import com.partnerportal.lead.LeadService;
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
    private CurrentUser user;

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

    /** Called by {@code f:viewAction} with the {@code id} parameter. */
    public void load() {
        if (id == null) {
            FacesMessages.error("lead.notChosen");
            return;
        }
        try {
            lead = leads.find(user.caller(), id);
            activities = work.activities(user.caller(), id);
            if (lead.handover() != null) {
                handoverReason = lead.handover().reason();
                prospectAsked = lead.handover().prospectAsked();
                promised = lead.handover().promised();
                nextStep = lead.handover().nextStep();
            }
        } catch (NotFoundException e) {
            lead = null;
            FacesMessages.error("lead.notFound");
        }
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
        act(() -> work.logActivity(user.caller(), id, new ActivityInput(activityKind, null, activityNote)),
                "activityForm", "lead.activityLogged");
        activityNote = null;
    }

    /** After giving the lead back the partner no longer sees it: back to its list. */
    public String giveBack() {
        if (act(() -> work.giveBack(user.caller(), id, returnReason), "returnForm", "lead.returned")) {
            return "/my-leads.xhtml?faces-redirect=true";
        }
        return null;
    }

    private boolean act(Supplier<LeadView> action, String form, String done) {
        try {
            lead = action.get();
            activities = work.activities(user.caller(), id);
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
}
