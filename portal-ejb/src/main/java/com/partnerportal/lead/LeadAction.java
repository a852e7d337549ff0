package com.partnerportal.lead;

import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a caller may do with a lead in its state: the one home of these rules. The services refuse
 * what is not allowed here, and the lead page offers exactly what is.
 */
public enum LeadAction {
    /** The channel manager writes the handover protocol and qualifies the lead (not while it is in the pool). */
    QUALIFY,
    /** The channel manager puts the lead into the pool; it needs a handover protocol. */
    PUBLISH,
    /** The channel manager takes a lead back out of the pool before anyone claimed it. */
    WITHDRAW,
    /** The channel manager closes a returned or recalled lead for good. */
    CLOSE,
    /** The holding partner's users log what they did. */
    LOG_ACTIVITY,
    /** The holding partner's users give the lead back, while they have not qualified it further. */
    GIVE_BACK,
    /** The holding partner's users and the channel manager keep the pipeline up to date: stage, revenue, follow-up. */
    MOVE_ON,
    /** The holding partner's admin hands the lead to another of its users. */
    ASSIGN;

    /** The actions this caller may take on a lead in {@code state}, held by {@code holder} (a partner key or null). */
    public static Set<LeadAction> allowed(Caller caller, LeadState state, String holder, boolean hasHandover) {
        Set<LeadAction> allowed = EnumSet.noneOf(LeadAction.class);
        if (caller.has(Role.CHANNEL_MANAGER)) {
            if (state != LeadState.PUBLISHED && state.canMoveTo(LeadState.QUALIFIED)) {
                allowed.add(QUALIFY);
            }
            if (state.canMoveTo(LeadState.PUBLISHED) && hasHandover) {
                allowed.add(PUBLISH);
            }
            if (state == LeadState.PUBLISHED) {
                allowed.add(WITHDRAW);
            }
            if (state == LeadState.RETURNED || state == LeadState.RECALLED) {
                allowed.add(CLOSE);
            }
            if (LeadState.OPEN.contains(state)) {
                allowed.add(MOVE_ON);
            }
        }
        boolean holds = caller.isReseller() && holder != null && holder.equals(caller.partnerKey());
        if (holds && LeadState.OPEN.contains(state)) {
            allowed.add(LOG_ACTIVITY);
            allowed.add(MOVE_ON);
            if (caller.has(Role.RESELLER_ADMIN)) {
                allowed.add(ASSIGN);
            }
            if (state.canMoveTo(LeadState.RETURNED)) {
                allowed.add(GIVE_BACK);
            }
        }
        return allowed;
    }

    /** The actions on a lead as a page shows it. */
    public static Set<LeadAction> allowed(Caller caller, LeadView lead) {
        return allowed(caller, lead.state(), lead.partner(), lead.handover() != null && lead.handover().isComplete());
    }
}
