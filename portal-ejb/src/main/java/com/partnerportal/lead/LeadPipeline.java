package com.partnerportal.lead;

import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.ConflictException;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.platform.Patch;
import com.partnerportal.platform.PreconditionFailedException;
import com.partnerportal.platform.Role;
import com.partnerportal.platform.Validation;
import com.partnerportal.reference.Catalog;
import com.partnerportal.reference.ReferenceCatalog;
import com.partnerportal.user.PortalUsers;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * The partner's pipeline on a lead it holds: the stage (forward only, {@code WON} with the won
 * revenue, {@code LOST} with a loss reason), expected revenue and close date, the follow-up, and who
 * works it. The holding partner's users and the channel manager change it; only the partner's admin
 * hands a lead to another of its users.
 */
@Stateless
public class LeadPipeline {

    /** How far in the past a follow-up may be set: the time it takes to fill in the form. */
    private static final Duration FOLLOW_UP_SLACK = Duration.ofMinutes(5);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private jakarta.enterprise.event.Event<LeadChanged> changed;

    @Inject
    private LeadMoves moves;

    @Inject
    private LeadHistory history;

    @Inject
    private ReferenceCatalog catalog;

    @Inject
    private PortalUsers users;

    @Inject
    private Clock clock;

    /**
     * Applies a merge patch of the pipeline fields to the lead, if it is still at one of {@code versions}
     * (null: whatever it is now; otherwise 412 if it changed meanwhile).
     */
    public LeadView change(Caller caller, long leadId, Patch<PipelineFields> patch, java.util.Set<Long> versions) {
        Lead lead = em.find(Lead.class, leadId, LockModeType.PESSIMISTIC_WRITE);
        boolean holds = lead != null && caller.isReseller() && caller.partnerKey() != null
                && caller.partnerKey().equals(lead.partnerKey());
        if (lead == null || !(holds || caller.has(Role.CHANNEL_MANAGER))) {
            throw new NotFoundException("Lead " + leadId);
        }
        if (versions != null && !versions.contains(lead.version())) {
            throw new PreconditionFailedException("Lead " + leadId + " changed since it was read: read it again");
        }
        var allowed = LeadAction.allowed(caller, lead.state(), lead.partnerKey(), lead.hasHandover());
        if (!allowed.contains(LeadAction.MOVE_ON)) {
            throw new ConflictException("ILLEGAL_TRANSITION", "A lead in state " + lead.state() + " has no pipeline to change");
        }
        PipelineFields in = patch.values();
        if (patch.has(PipelineFields.ASSIGNEE) && !allowed.contains(LeadAction.ASSIGN)) {
            throw new AccessDeniedException("ASSIGNEE", "Only the partner's admin hands a lead to another user");
        }
        Instant now = clock.instant();
        Validation v = new Validation();
        LeadState stage = lead.state();
        if (patch.has(PipelineFields.STAGE)) {
            stage = in.stage() == null ? null : v.requireEnum(PipelineFields.STAGE, in.stage(), LeadState.class);
            if (in.stage() == null) {
                v.reject(PipelineFields.STAGE, "required");
            }
        }
        Money.Checked expected = patch.has(PipelineFields.EXPECTED_REVENUE)
                ? Money.check(v, PipelineFields.EXPECTED_REVENUE, in.expectedRevenue()) : null;
        LocalDate closeDate = patch.has(PipelineFields.EXPECTED_CLOSE_DATE)
                ? v.withinWindow(PipelineFields.EXPECTED_CLOSE_DATE,
                v.optionalDate(PipelineFields.EXPECTED_CLOSE_DATE, in.expectedCloseDate())) : null;
        Instant followUp = patch.has(PipelineFields.FOLLOW_UP_AT)
                ? v.optionalInstant(PipelineFields.FOLLOW_UP_AT, in.followUpAt()) : null;
        if (followUp != null && !followUp.equals(lead.followUpAt()) && followUp.isBefore(now.minus(FOLLOW_UP_SLACK))) {
            v.reject(PipelineFields.FOLLOW_UP_AT, "past");
        }
        boolean won = stage == LeadState.WON && lead.state() != LeadState.WON;
        boolean lost = stage == LeadState.LOST && lead.state() != LeadState.LOST;
        Money.Checked wonRevenue = closing(v, patch, PipelineFields.WON_REVENUE, won)
                ? Money.check(v, PipelineFields.WON_REVENUE, in.wonRevenue()) : null;
        String lossReason = closing(v, patch, PipelineFields.LOSS_REASON_CODE, lost) ? lossReason(v, in.lossReasonCode()) : null;
        String lossComment = null;
        if (patch.has(PipelineFields.LOSS_COMMENT) && in.lossComment() != null) {
            if (!lost) {
                v.reject(PipelineFields.LOSS_COMMENT, "onlyWhenLost");
            } else if (in.lossComment().length() > 1000) {
                v.reject(PipelineFields.LOSS_COMMENT, "tooLong", 1000);
            } else {
                lossComment = in.lossComment().isBlank() ? null : in.lossComment().strip();
            }
        }
        String assignee = null;
        if (patch.has(PipelineFields.ASSIGNEE)) {
            assignee = v.requireText(PipelineFields.ASSIGNEE, in.assignee(), 100);
            if (assignee != null && !users.belongsTo(assignee, lead.partnerKey())) {
                v.reject(PipelineFields.ASSIGNEE, "notPartnerUser", assignee);
            }
        }
        v.throwIfInvalid();
        if (stage != lead.state() && (!LeadState.PIPELINE.contains(stage) || !lead.state().canMoveTo(stage))) {
            throw new ConflictException("ILLEGAL_TRANSITION", "A lead in stage " + lead.state() + " cannot move to " + stage
                    + ": the pipeline moves forward only, and a lead is given back or taken back by its own action");
        }
        if (patch.has(PipelineFields.EXPECTED_REVENUE)) {
            lead.expectRevenue(expected);
        }
        if (patch.has(PipelineFields.EXPECTED_CLOSE_DATE)) {
            lead.expectCloseOn(closeDate);
        }
        if (patch.has(PipelineFields.FOLLOW_UP_AT) && !Objects.equals(followUp, lead.followUpAt())) {
            lead.followUpAt(followUp);
        }
        if (assignee != null) {
            lead.assignTo(assignee);
        }
        if (won) {
            lead.won(wonRevenue, now);
            moves.move(lead, LeadState.WON, caller.username(), now,
                    MoveReason.WON.encode(new Money(wonRevenue.amount().toPlainString(), wonRevenue.currency())));
        } else if (lost) {
            lead.lost(lossReason, lossComment, now);
            moves.move(lead, LeadState.LOST, caller.username(), now, MoveReason.LOST.encode(lossReason));
        } else if (stage != lead.state()) {
            moves.move(lead, stage, caller.username(), now, MoveReason.STAGE.encode());
        }
        changed.fire(new LeadChanged(leadId));
        return history.view(lead).seenBy(caller);
    }

    /**
     * Whether a field that belongs to closing the deal ({@code wonRevenue}, {@code lossReasonCode}) is
     * to be read: required when the deal closes that way, refused when it does not.
     */
    private static boolean closing(Validation v, Patch<PipelineFields> patch, String field, boolean closes) {
        boolean given = patch.has(field) && switch (field) {
            case PipelineFields.WON_REVENUE -> patch.values().wonRevenue() != null;
            default -> patch.values().lossReasonCode() != null;
        };
        if (closes && !given) {
            v.reject(field, "required");
        } else if (!closes && given) {
            v.reject(field, PipelineFields.WON_REVENUE.equals(field) ? "onlyWhenWon" : "onlyWhenLost");
        }
        return closes && given;
    }

    private String lossReason(Validation v, String code) {
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        if (!catalog.activeCodes(Catalog.LOSS_REASON).contains(normalized)) {
            v.reject(PipelineFields.LOSS_REASON_CODE, "unknownCode", code);
            return null;
        }
        return normalized;
    }
}
