package com.partnerportal.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadViewTest {

    private static final Instant AT = Instant.parse("2026-11-25T08:00:00Z");

    private static LeadView lead(LeadView.TransitionView... moves) {
        return new LeadView(1, LeadState.CLAIMED, "t", "x", null, null, null, "SDWAN", null, null, 0, null, null, null, List.of(),
                "alpenblick", AT, AT, null, AT, "south.rep", null, null, null, null, null, null, null, 1L, false, null, Set.of(),
                List.of(), null, null,
                List.of(moves));
    }

    @Test
    void aPartnerReadsAnotherPartnerOfTheTimelineAsAnotherPartner() {
        LeadView lead = lead(LeadView.TransitionView.of(AT, "north.rep", LeadState.PUBLISHED, LeadState.CLAIMED, "CLAIMED|nordlicht"),
                LeadView.TransitionView.of(AT, "north.rep", LeadState.CLAIMED, LeadState.RETURNED, "RETURNED|nordlicht|NO_CAPACITY"),
                LeadView.TransitionView.of(AT, "south.rep", LeadState.PUBLISHED, LeadState.CLAIMED, "CLAIMED|alpenblick"));

        List<LeadView.TransitionView> seen = lead.seenBy(new Caller("south.rep", Set.of(Role.RESELLER_REP), "alpenblick")).timeline();

        assertEquals("claimed for another partner", seen.get(0).reason());
        assertEquals(List.of("another partner"), seen.get(0).reasonArguments());
        assertEquals("another partner", seen.get(0).actor(), "nor who of that partner moved it");
        assertEquals("returned by another partner: NO_CAPACITY", seen.get(1).reason());
        assertEquals("claimed for alpenblick", seen.get(2).reason(), "its own moves as they are");
        assertEquals("south.rep", seen.get(2).actor());
    }

    @Test
    void theManufacturerReadsTheWholeTimeline() {
        LeadView lead = lead(LeadView.TransitionView.of(AT, "north.rep", LeadState.PUBLISHED, LeadState.CLAIMED, "CLAIMED|nordlicht"));

        assertSame(lead, lead.seenBy(new Caller("channel.manager", Set.of(Role.CHANNEL_MANAGER), null)));
    }
}
