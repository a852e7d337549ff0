package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Capacity;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.RoomForNordlicht;
import org.junit.jupiter.api.extension.ExtendWith;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 32 reps claim the same lead at the same instant, again and again: exactly one wins each time,
 * everyone else gets 409 (taken) or 403 (not theirs), and the lead is claimed once in its history.
 */
@ExtendWith(RoomForNordlicht.class)
class ClaimRaceIT extends PortalDeployment {

    private static final int CLAIMERS = 32;
    private static final int ROUNDS = 15;
    private static final List<String> REPS = List.of("north.rep", "north.admin", "south.rep", "west.rep");
    private static final List<String> TEAM = List.of("north.rep", "north.admin");

    @AfterEach
    void openLeadsStayCounted() {
        Capacity.assertOpenLeadsCounted("nordlicht", "north.rep");
    }

    @Test
    void exactlyOneOfManySimultaneousClaimsWins() throws Exception {
        REPS.forEach(Api::as); // tokens first, so that the claims start together
        for (int round = 0; round < ROUNDS; round++) {
            long id = Leads.forNordlicht();
            List<Api.Reply> replies = claimAtOnce(Collections.nCopies(CLAIMERS, id), REPS);
            Map<Integer, Long> byStatus = byStatus(replies);
            assertEquals(1L, byStatus.getOrDefault(200, 0L), "round " + round + ": " + byStatus);
            assertEquals(CLAIMERS - 1, byStatus.getOrDefault(409, 0L) + byStatus.getOrDefault(403, 0L),
                    "round " + round + ": " + byStatus);
            assertTrue(replies.stream().filter(r -> r.status() != 200)
                    .noneMatch(r -> r.response().body().contains("erika.geheim")));

            JsonObject lead = Api.as("channel.manager").get("/leads/" + id).json();
            assertEquals("nordlicht", lead.getString("partner"));
            long claimedMoves = lead.getJsonArray("timeline").getValuesAs(JsonObject.class).stream()
                    .filter(t -> t.getString("to").equals("CLAIMED")).count();
            assertEquals(1, claimedMoves, "round " + round);
        }
    }

    /** Claims of one partner on different leads at once: each wins its own lead, none blocks the others. */
    @Test
    void oneTeamClaimingManyLeadsAtOnceGetsThemAll() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < CLAIMERS; i++) {
            ids.add(Leads.forNordlicht());
        }
        assertEquals(Map.of(200, (long) CLAIMERS), byStatus(claimAtOnce(ids, TEAM)));
    }

    /** The capacity holds under concurrency: with room for three, three of ten simultaneous claims win. */
    @Test
    void capacityHoldsWhenManyClaimsArriveTogether() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(Leads.forNordlicht());
        }
        long open = Api.as("north.rep").get("/marketplace").json().getJsonNumber("openLeads").longValue();
        Capacity.set("nordlicht", (int) open + 3);
        try {
            Map<Integer, Long> byStatus = byStatus(claimAtOnce(ids, TEAM));
            assertEquals(3L, byStatus.getOrDefault(200, 0L), byStatus::toString);
            assertEquals(7L, byStatus.getOrDefault(403, 0L), byStatus::toString);
            assertEquals(open + 3, Api.as("north.rep").get("/marketplace").json().getJsonNumber("openLeads").longValue(),
                    "the refused claims counted nothing");
        } finally {
            Capacity.set("nordlicht", 10_000);
        }
    }

    /** Each lead of the list claimed by the next rep of the list, all at the same instant. */
    private static List<Api.Reply> claimAtOnce(List<Long> ids, List<String> reps) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(ids.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Reply>> claims = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                Api rep = Api.as(reps.get(i % reps.size()));
                long id = ids.get(i);
                claims.add(pool.submit((Callable<Api.Reply>) () -> {
                    start.await();
                    return rep.post("/leads/" + id + "/claim", "");
                }));
            }
            start.countDown();
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> claim : claims) {
                replies.add(claim.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<Integer, Long> byStatus(List<Api.Reply> replies) {
        return replies.stream().collect(Collectors.groupingBy(Api.Reply::status, Collectors.counting()));
    }
}
