package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Capacity;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.RoomForNordlicht;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every move of a lead goes through one owner that keeps the holding partner's count of open leads:
 * after a thousand random moves of four users at once (claims, first contacts, give-backs, new
 * publications, closes, withdrawals, new leads), many of them refused as the state machine demands,
 * no request failed and the partner's count equals the leads it holds open.
 */
@ExtendWith(RoomForNordlicht.class)
class LeadMovesIT extends PortalDeployment {

    private static final int WALKERS = 4;
    private static final int STEPS = 500;

    @Test
    void twoThousandRandomMovesAtOnceKeepThePartnersCountOfOpenLeads() throws Exception {
        List<Long> leads = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 20; i++) {
            leads.add(Leads.forNordlicht());
        }
        ExecutorService pool = Executors.newFixedThreadPool(WALKERS);
        try {
            List<Callable<List<String>>> walkers = new ArrayList<>();
            for (int w = 0; w < WALKERS; w++) {
                Random random = new Random(2026 + w);
                walkers.add(() -> walk(random, leads));
            }
            List<String> failures = new ArrayList<>();
            for (Future<List<String>> walker : pool.invokeAll(walkers)) {
                failures.addAll(walker.get());
            }
            assertTrue(failures.isEmpty(), String.join("\n", failures));
        } finally {
            pool.shutdown();
        }
        Capacity.assertOpenLeadsCounted("nordlicht", "north.rep");
        // the cockpit's kept figures followed every move: they equal the figures counted over the leads
        for (String view : List.of("", "partner=nordlicht", "region=DE")) {
            Api.Reply check = Api.as("channel.manager").get("/cockpit/check?" + view);
            assertEquals(200, check.status(), check::toString);
            assertEquals("[]", check.json().getJsonArray("differences").toString(), view + ": " + check);
        }
    }

    private static final String[] STAGES = {"CONTACTED", "SALES_QUALIFIED", "PROPOSAL"};

    /** One user's random moves; what failed with 5xx. */
    private static List<String> walk(Random random, List<Long> leads) {
        Api rep = Api.as(random.nextBoolean() ? "north.rep" : "north.admin");
        Api manager = Api.as("channel.manager");
        List<String> failures = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            long id = leads.get(random.nextInt(leads.size()));
            String path = "/leads/" + id;
            Api.Reply reply = switch (random.nextInt(11)) {
                case 0, 1 -> rep.post(path + "/claim", "");
                case 2 -> rep.post(path + "/activities", "{\"kind\": \"CALL\", \"note\": \"walk\"}");
                case 3 -> rep.post(path + "/return", "{\"reasonCode\": \"NO_CAPACITY\"}");
                case 4 -> manager.post(path + "/publish", "");
                case 5 -> manager.post(path + "/close", "{\"reason\": \"walk\"}");
                case 6 -> manager.post(path + "/withdraw", "");
                case 7 -> rep.patch(path, "{\"stage\": \"" + STAGES[random.nextInt(STAGES.length)] + "\"}");
                case 8 -> rep.patch(path, "{\"stage\": \"WON\", \"wonRevenue\": {\"amount\": \"1000.00\", \"currency\": \"EUR\"}}");
                case 9 -> manager.patch(path, "{\"stage\": \"LOST\", \"lossReasonCode\": \"TIMING\"}");
                default -> {
                    leads.add(Leads.forNordlicht());
                    yield manager.get(path);
                }
            };
            if (reply.status() >= 500) {
                failures.add(path + ": " + reply);
            }
        }
        return failures;
    }
}
