package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.RoomForNordlicht;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The services accept exactly the actions of this table, for every state a lead reaches through the
 * API and every action of the channel manager and of the holding partner's rep. The lead page offers
 * its buttons from the same rules ({@code LeadAction}), whose unit test holds them to the same table.
 */
@ExtendWith(RoomForNordlicht.class)
class LeadActionsIT extends PortalDeployment {

    enum Action { QUALIFY, PUBLISH, WITHDRAW, CLOSE, LOG_ACTIVITY, GIVE_BACK, MOVE_ON }

    /** What is accepted in each state. */
    static final Map<String, Set<Action>> ACCEPTED = Map.ofEntries(
            Map.entry("NEW", EnumSet.of(Action.QUALIFY)),
            Map.entry("QUALIFIED", EnumSet.of(Action.PUBLISH)),
            Map.entry("PUBLISHED", EnumSet.of(Action.WITHDRAW)),
            Map.entry("CLAIMED", EnumSet.of(Action.LOG_ACTIVITY, Action.GIVE_BACK, Action.MOVE_ON)),
            Map.entry("CONTACTED", EnumSet.of(Action.LOG_ACTIVITY, Action.GIVE_BACK, Action.MOVE_ON)),
            Map.entry("SALES_QUALIFIED", EnumSet.of(Action.LOG_ACTIVITY, Action.MOVE_ON)),
            Map.entry("PROPOSAL", EnumSet.of(Action.LOG_ACTIVITY, Action.MOVE_ON)),
            Map.entry("WON", EnumSet.noneOf(Action.class)),
            Map.entry("RETURNED", EnumSet.of(Action.QUALIFY, Action.PUBLISH, Action.CLOSE)),
            Map.entry("LOST", EnumSet.noneOf(Action.class)));

    private final Api manager = Api.as("channel.manager");
    private final Api rep = Api.as("north.rep");

    @Test
    void everyStateAcceptsExactlyItsActions() {
        List<String> wrong = new ArrayList<>();
        for (var state : ACCEPTED.entrySet()) {
            for (Action action : Action.values()) {
                long id = leadIn(state.getKey());
                Api.Reply reply = act(action, id);
                boolean accepted = reply.status() / 100 == 2;
                if (accepted != state.getValue().contains(action)) {
                    wrong.add(state.getKey() + " " + action + ": " + reply.status() + " " + reply);
                }
                assertTrue(reply.status() < 500, reply::toString);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private Api.Reply act(Action action, long id) {
        String lead = "/leads/" + id;
        return switch (action) {
            case QUALIFY -> manager.post(lead + "/qualify", "{\"reason\": \"ready to buy\"}");
            case PUBLISH -> manager.post(lead + "/publish", "");
            case WITHDRAW -> manager.post(lead + "/withdraw", "");
            case CLOSE -> manager.post(lead + "/close", "{\"reason\": \"no budget after all\"}");
            case LOG_ACTIVITY -> rep.post(lead + "/activities", "{\"kind\": \"NOTE\", \"note\": \"called back\"}");
            case GIVE_BACK -> rep.post(lead + "/return", "{\"reasonCode\": \"NO_CAPACITY\"}");
            case MOVE_ON -> rep.patch(lead, "{\"expectedCloseDate\": \"2027-03-31\"}");
        };
    }

    /** A new lead of nordlicht's territory, brought into {@code state} through the API. */
    private long leadIn(String state) {
        if (state.equals("NEW")) {
            return created(Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", null).replaceFirst(",\\s*\"handover\": \\{[^}]*}", ""));
        }
        if (state.equals("QUALIFIED")) {
            return created(Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", null));
        }
        long id = Leads.forNordlicht();
        if (state.equals("PUBLISHED")) {
            return id;
        }
        ok(rep.post("/leads/" + id + "/claim", ""));
        switch (state) {
            case "CONTACTED" -> ok(rep.post("/leads/" + id + "/activities", "{\"kind\": \"CALL\", \"note\": \"reached\"}"));
            case "RETURNED" -> ok(rep.post("/leads/" + id + "/return", "{\"reasonCode\": \"NO_CAPACITY\"}"));
            case "SALES_QUALIFIED", "PROPOSAL" -> ok(rep.patch("/leads/" + id, "{\"stage\": \"" + state + "\"}"));
            case "WON" -> ok(rep.patch("/leads/" + id,
                    "{\"stage\": \"WON\", \"wonRevenue\": {\"amount\": \"18000.00\", \"currency\": \"EUR\"}}"));
            case "LOST" -> {
                ok(rep.post("/leads/" + id + "/return", "{\"reasonCode\": \"NO_CAPACITY\"}"));
                ok(manager.post("/leads/" + id + "/close", "{\"reason\": \"lost\"}"));
            }
            default -> { }
        }
        assertEquals(state, Leads.get("channel.manager", id).getString("state"));
        return id;
    }

    private long created(String json) {
        Api.Reply reply = manager.post("/leads", json);
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getJsonNumber("id").longValue();
    }

    private static void ok(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
    }
}
