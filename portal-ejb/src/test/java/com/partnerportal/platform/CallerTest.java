package com.partnerportal.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void resellerSeesOnlyItsOwnPartner() {
        Caller rep = new Caller("north.rep", Set.of(Role.RESELLER_REP), "nordlicht");
        assertTrue(rep.sees("nordlicht"));
        assertFalse(rep.sees("alpenblick"));
    }

    @Test
    void resellerWithoutPartnerAttributeSeesNoPartner() {
        Caller rep = new Caller("lost.rep", Set.of(Role.RESELLER_REP), null);
        assertFalse(rep.sees("nordlicht"));
        assertFalse(rep.sees(null));
    }

    @Test
    void channelManagerSeesEveryPartner() {
        Caller cm = new Caller("channel.manager", Set.of(Role.CHANNEL_MANAGER), null);
        assertTrue(cm.sees("nordlicht"));
        assertTrue(cm.sees("rheinwerk"));
    }

    @Test
    void userWithoutPortalRoleSeesNothingEvenWithAPartnerAttribute() {
        Caller stranger = new Caller("ingest", Set.of(Role.LEAD_INGEST), "nordlicht");
        assertFalse(stranger.sees("nordlicht"));
    }
}
