package com.partnerportal.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The partner's count of open leads stays right only if every legal move keeps to these rules. */
class LeadMovesTest {

    @Test
    void theClaimAndTheHandOverOfACustomersLeadAreTheOnlyLegalMovesIntoAnOpenStateFromOutside() {
        List<String> intoOpen = new ArrayList<>();
        for (LeadState from : LeadState.values()) {
            for (LeadState to : LeadState.values()) {
                if (from.canMoveTo(to) && LeadMoves.takesSlot(from, to)) {
                    intoOpen.add(from + " -> " + to);
                }
            }
        }
        // the claim; the hand-over to the owner of a customer's lead, at review or when a partner gives it back
        assertEquals(List.of("QUARANTINE -> CLAIMED", "PUBLISHED -> CLAIMED", "RETURNED -> CLAIMED"), intoOpen);
    }

    @Test
    void everyLegalMoveOutOfAnOpenStateFreesTheSlotAndNoOtherDoes() {
        for (LeadState from : LeadState.values()) {
            for (LeadState to : LeadState.values()) {
                if (from.canMoveTo(to)) {
                    boolean leaves = LeadState.OPEN.contains(from) && !LeadState.OPEN.contains(to);
                    assertEquals(leaves, LeadMoves.freesSlot(from, to), from + " -> " + to);
                }
            }
        }
    }
}
