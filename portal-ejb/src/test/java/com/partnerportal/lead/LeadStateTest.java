package com.partnerportal.lead;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LeadStateTest {

    @Test
    void leadReachesThePoolOnlyQualified() {
        assertTrue(LeadState.QUALIFIED.canMoveTo(LeadState.PUBLISHED));
        assertFalse(LeadState.NEW.canMoveTo(LeadState.PUBLISHED));
        assertFalse(LeadState.QUARANTINE.canMoveTo(LeadState.PUBLISHED));
    }

    @Test
    void finalStatesAreFinal() {
        for (LeadState next : LeadState.values()) {
            assertFalse(LeadState.WON.canMoveTo(next));
            assertFalse(LeadState.LOST.canMoveTo(next));
            assertFalse(LeadState.WITHDRAWN.canMoveTo(next));
        }
    }

    @Test
    void returnedAndRecalledLeadsGoBackToThePoolOrClose() {
        assertTrue(LeadState.RETURNED.canMoveTo(LeadState.PUBLISHED));
        assertTrue(LeadState.RECALLED.canMoveTo(LeadState.PUBLISHED));
        assertTrue(LeadState.RETURNED.canMoveTo(LeadState.LOST));
        // the return reason's follow-up: marketing keeps it, or the customer's owner gets it
        assertTrue(LeadState.RETURNED.canMoveTo(LeadState.NURTURE));
        assertTrue(LeadState.RETURNED.canMoveTo(LeadState.CLAIMED));
        assertFalse(LeadState.RECALLED.canMoveTo(LeadState.CLAIMED), "a recalled lead goes back to the pool, not to a partner");
    }

    @Test
    void claimedLeadCanBeGivenBackOrTakenBack() {
        assertTrue(LeadState.CLAIMED.canMoveTo(LeadState.RETURNED));
        assertTrue(LeadState.CLAIMED.canMoveTo(LeadState.RECALLED));
        assertFalse(LeadState.PUBLISHED.canMoveTo(LeadState.WON));
    }

    @Test
    void pipelineMovesForwardSkippingStagesButNeverBack() {
        java.util.List<LeadState> stages = LeadState.PIPELINE.subList(0, 5); // CLAIMED .. WON
        for (int i = 0; i < stages.size(); i++) {
            for (int j = 0; j < stages.size(); j++) {
                assertTrue(stages.get(i).canMoveTo(stages.get(j)) == (j > i && i < 4),
                        stages.get(i) + " -> " + stages.get(j));
            }
            if (i < 4) {
                assertTrue(stages.get(i).canMoveTo(LeadState.LOST), stages.get(i) + " -> LOST");
            }
        }
    }
}
