package com.partnerportal.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Role;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lead page offers these actions; {@code LeadActionsIT} holds the services to the same table. */
class LeadActionTest {

    private static final Caller MANAGER = new Caller("cm", Set.of(Role.CHANNEL_MANAGER), null);
    private static final Caller HOLDER = new Caller("rep", Set.of(Role.RESELLER_REP), "nordlicht");
    private static final Caller OTHER = new Caller("rep2", Set.of(Role.RESELLER_REP), "alpenblick");

    @Test
    void eachStateOffersItsActionsToTheChannelManagerAndTheHolder() {
        Map<LeadState, Set<LeadAction>> expected = Map.of(
                LeadState.NEW, EnumSet.of(LeadAction.QUALIFY),
                LeadState.QUALIFIED, EnumSet.of(LeadAction.PUBLISH),
                LeadState.PUBLISHED, EnumSet.of(LeadAction.WITHDRAW),
                LeadState.CLAIMED, EnumSet.of(LeadAction.LOG_ACTIVITY, LeadAction.GIVE_BACK, LeadAction.MOVE_ON),
                LeadState.CONTACTED, EnumSet.of(LeadAction.LOG_ACTIVITY, LeadAction.GIVE_BACK, LeadAction.MOVE_ON),
                LeadState.SALES_QUALIFIED, EnumSet.of(LeadAction.LOG_ACTIVITY, LeadAction.MOVE_ON),
                LeadState.PROPOSAL, EnumSet.of(LeadAction.LOG_ACTIVITY, LeadAction.MOVE_ON),
                LeadState.WON, EnumSet.noneOf(LeadAction.class),
                LeadState.RETURNED, EnumSet.of(LeadAction.QUALIFY, LeadAction.PUBLISH, LeadAction.CLOSE),
                LeadState.LOST, EnumSet.noneOf(LeadAction.class));
        for (var entry : expected.entrySet()) {
            LeadState state = entry.getKey();
            String holder = LeadState.OPEN.contains(state) ? "nordlicht" : null;
            // a NEW lead gets its handover protocol with the qualify: the page offers qualify without one
            boolean handover = state != LeadState.NEW;
            Set<LeadAction> offered = EnumSet.noneOf(LeadAction.class);
            offered.addAll(LeadAction.allowed(MANAGER, state, holder, handover));
            offered.addAll(LeadAction.allowed(HOLDER, state, holder, handover));
            assertEquals(entry.getValue(), offered, state.name());
            assertEquals(Set.of(), LeadAction.allowed(OTHER, state, holder, handover), "another partner: " + state);
        }
    }

    @Test
    void onlyThePartnersAdminHandsALeadOn() {
        Caller admin = new Caller("admin", Set.of(Role.RESELLER_ADMIN), "nordlicht");
        assertEquals(true, LeadAction.allowed(admin, LeadState.CONTACTED, "nordlicht", true).contains(LeadAction.ASSIGN));
        assertEquals(false, LeadAction.allowed(HOLDER, LeadState.CONTACTED, "nordlicht", true).contains(LeadAction.ASSIGN));
        assertEquals(false, LeadAction.allowed(MANAGER, LeadState.CONTACTED, "nordlicht", true).contains(LeadAction.ASSIGN));
        assertEquals(false, LeadAction.allowed(admin, LeadState.WON, "nordlicht", true).contains(LeadAction.ASSIGN));
    }

    @Test
    void aLeadWithoutAHandoverProtocolIsNotOfferedForThePool() {
        assertEquals(Set.of(), LeadAction.allowed(MANAGER, LeadState.QUALIFIED, null, false));
    }
}
