package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.RoomForNordlicht;
import com.partnerportal.it.support.Tokens;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A fixed corpus of hostile and careless requests at every kind of endpoint: control characters,
 * bidi overrides and broken characters, overflowing pages, dates outside any sensible window, wrong
 * JSON types, nulls, missing, huge and malformed bodies, fields nobody may set, tokens in the query.
 * Each must be refused with a 4xx problem body naming what is wrong, carry the security headers, and
 * change nothing that is stored.
 */
@ExtendWith(RoomForNordlicht.class)
class HostileInputIT extends PortalDeployment {

    private static long held;
    private static long fresh;

    /** One hostile request: who sends it, what, and the refusal it must get. */
    record Case(String name, String user, String method, String path, String body, int status, String field) {
    }

    @BeforeAll
    static void leads() {
        held = Leads.forNordlicht();
        Api.Reply claim = Api.as("north.rep").post("/leads/" + held + "/claim", "");
        assertEquals(200, claim.status(), claim::toString);
        fresh = Api.as("channel.manager").post("/leads", Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", null)
                .replaceFirst(",\\s*\"handover\": \\{[^}]*}", "")).json().getJsonNumber("id").longValue();
    }

    private static String lead(String replace, String with) {
        String json = Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", null);
        assertTrue(json.contains(replace), replace);
        return json.replace(replace, with);
    }

    private static String profile(String regions, String name) {
        return """
                {"name": %s, "tier": "BRONZE", "regions": %s, "certifications": [], "products": [],
                 "sizeFocus": ["SMALL"], "capacity": 20}""".formatted(name, regions);
    }

    private static List<Case> corpus() {
        String cm = "channel.manager";
        String rep = "north.rep";
        String activities = "/leads/" + held + "/activities";
        String giveBack = "/leads/" + held + "/return";
        String availability = "/partners/rheinwerk/availability";
        return List.of(
                // control characters, bidi overrides, broken characters: in bodies ...
                new Case("NUL in a company name", cm, "POST", "/leads", lead("Prüfstand Maschinenbau GmbH", "Evil\\u0000 GmbH"), 400, "company.name"),
                new Case("bidi override in a city", cm, "POST", "/leads", lead("\"Hamburg\"", "\"Ham\\u202Eburg\""), 400, "contact.city"),
                new Case("ANSI escape in an industry", cm, "POST", "/leads", lead("\"Manufacturing\"", "\"\\u001b[31mred\""), 400, "company.industry"),
                new Case("line break in a company name", cm, "POST", "/leads", lead("Prüfstand Maschinenbau GmbH", "Evil\\nGmbH"), 400, "company.name"),
                new Case("lone surrogate in a company name", cm, "POST", "/leads", lead("Prüfstand Maschinenbau GmbH", "Evil \\ud800 GmbH"), 400, "company.name"),
                new Case("NUL in a partner name", cm, "PUT", "/partners/rheinwerk", profile("[\"DE-NW\"]", "\"Rhein\\u0000werk\""), 400, "name"),
                new Case("NUL in an activity note", rep, "POST", activities, "{\"kind\": \"NOTE\", \"note\": \"a\\u0000b\"}", 400, "note"),
                new Case("NUL in a handover", cm, "POST", "/leads/" + fresh + "/qualify", "{\"reason\": \"x\\u0000\"}", 400, "reason"),
                // ... in query and path parameters
                new Case("NUL in a marketplace filter", rep, "GET", "/marketplace?region=%00", null, 400, "region"),
                new Case("ANSI escape in a search", cm, "GET", "/partners?q=%1B%5B31m", null, 400, "q"),
                new Case("bidi override in a state filter", cm, "GET", "/leads?state=%E2%80%AE", null, 400, "state"),
                new Case("NUL in a partner key", cm, "GET", "/partners/%00", null, 400, "key"),
                // nulls and missing bodies
                new Case("null return reason", rep, "POST", giveBack, "{\"reasonCode\": null}", 400, "reasonCode"),
                new Case("return without a body", rep, "POST", giveBack, null, 400, "reasonCode"),
                new Case("null and a number among regions", cm, "PUT", "/partners/rheinwerk", profile("[null, 5]", "\"Rheinwerk\""), 400, "regions[0]"),
                new Case("availability without a body", cm, "PUT", availability, null, 400, "capacity"),
                new Case("activity without a body", rep, "POST", activities, null, 400, "kind"),
                // pages that overflow or are no number
                new Case("page overflow of leads", cm, "GET", "/leads?page=21474837&size=100", null, 400, "page"),
                new Case("page overflow of partners", cm, "GET", "/partners?page=21474837&size=100", null, 400, "page"),
                new Case("page overflow of the pool", cm, "GET", "/pool?page=21474837&size=100", null, 400, "page"),
                new Case("page overflow of the marketplace", rep, "GET", "/marketplace?page=21474837&size=100", null, 400, "page"),
                new Case("negative page", cm, "GET", "/leads?page=-1", null, 400, "page"),
                new Case("empty page size", cm, "GET", "/leads?size=0", null, 400, "size"),
                new Case("page as a word", cm, "GET", "/leads?page=abc", null, 400, "page"),
                new Case("page beyond long", cm, "GET", "/leads?page=99999999999999999999", null, 400, "page"),
                // dates outside any sensible window
                new Case("absence in the year 5874898", cm, "PUT", availability,
                        "{\"capacity\": 20, \"absentFrom\": \"+5874898-01-01\", \"absentUntil\": \"+5874898-01-02\"}", 400, "absentFrom"),
                new Case("absence in the year 0", cm, "PUT", availability,
                        "{\"capacity\": 20, \"absentFrom\": \"0000-01-01\", \"absentUntil\": \"0000-01-02\"}", 400, "absentFrom"),
                new Case("activity in 5000 BC", rep, "POST", activities, "{\"kind\": \"CALL\", \"at\": \"-5000-01-01T00:00:00Z\"}", 400, "at"),
                new Case("activity in 1900", rep, "POST", activities, "{\"kind\": \"CALL\", \"at\": \"1900-01-01T00:00:00Z\"}", 400, "at"),
                new Case("activity in the year 5874898", rep, "POST", activities, "{\"kind\": \"CALL\", \"at\": \"+5874898-01-01T00:00:00Z\"}", 400, "at"),
                new Case("clock offset beyond ten years", "portal.admin", "PUT", "/admin/clock", "{\"offset\": \"PT2000000000H\"}", 400, "offset"),
                new Case("a sort direction that is no boolean", cm, "GET", "/leads?sort=COMPANY&desc=yes", null, 400, "desc"),
                new Case("clock offset that is no duration", "portal.admin", "PUT", "/admin/clock", "{\"offset\": \"banana\"}", 400, "offset"),
                // numbers that are not whole, numbers as text, money that is not plain
                new Case("capacity 1.5", cm, "PUT", availability, "{\"capacity\": 1.5}", 400, "capacity"),
                new Case("capacity as text", cm, "PUT", availability, "{\"capacity\": \"10\"}", 400, "capacity"),
                new Case("capacity with an exponent", cm, "PUT", availability, "{\"capacity\": 1e2}", 400, "capacity"),
                new Case("capacity beyond int", cm, "PUT", availability, "{\"capacity\": 99999999999}", 400, "capacity"),
                new Case("score 1.5", cm, "POST", "/leads", lead("\"score\": 80", "\"score\": 1.5"), 400, "score"),
                new Case("amount as a JSON number", cm, "POST", "/leads", lead("\"12500.00\"", "12500"), 400, "estimatedRevenue.amount"),
                new Case("amount with an exponent", cm, "POST", "/leads", lead("\"12500.00\"", "\"1e5\""), 400, "estimatedRevenue.amount"),
                new Case("amount in full-width digits", cm, "POST", "/leads", lead("\"12500.00\"", "\"１２３\""), 400, "estimatedRevenue.amount"),
                new Case("negative amount", cm, "POST", "/leads", lead("\"12500.00\"", "\"-5\""), 400, "estimatedRevenue.amount"),
                new Case("currency ZZZ", cm, "POST", "/leads", lead("\"EUR\"", "\"ZZZ\""), 400, "estimatedRevenue.currency"),
                // malformed bodies
                new Case("cut-off JSON", cm, "PUT", availability, "{", 400, "body"),
                new Case("a list for an object", cm, "PUT", availability, "[]", 400, "body"),
                new Case("a string for an object", cm, "PUT", availability, "\"x\"", 400, "body"),
                new Case("a duplicate key", cm, "PUT", availability, "{\"capacity\": 1, \"capacity\": 2}", 400, "body"),
                new Case("nesting ten thousand deep", cm, "PUT", availability, "[".repeat(10_000) + "]".repeat(10_000), 400, "body"),
                new Case("a body of two megabytes", cm, "POST", "/leads", lead("\"Manufacturing\"", "\"" + "x".repeat(2 << 20) + "\""), 413, null),
                // fields the caller may not set, or that do not exist
                new Case("an unknown field beside the reason", rep, "POST", giveBack, "{\"reasonCode\": \"NO_CAPACITY\", \"evil\": true}", 400, "evil"),
                new Case("a lead delivered as won", cm, "POST", "/leads", lead("\"score\": 80", "\"score\": 80, \"state\": \"WON\""), 400, "state"),
                new Case("a lead delivered to a partner", cm, "POST", "/leads", lead("\"score\": 80", "\"score\": 80, \"partner\": \"nordlicht\""), 400, "partner"),
                new Case("availability setting the open leads", cm, "PUT", availability, "{\"capacity\": 20, \"openLeads\": 0}", 400, "openLeads"),
                // reading what does not exist
                new Case("activities of lead -1", cm, "GET", "/leads/-1/activities", null, 404, null),
                new Case("an unknown path", cm, "GET", "/nothing-here", null, 404, null));
    }

    /** What the corpus must leave as it was. */
    private static List<String> stored() {
        Api manager = Api.as("channel.manager");
        return List.of(manager.get("/partners/rheinwerk").toString(), manager.get("/partners/nordlicht").toString(),
                manager.get("/leads/" + held).toString(), manager.get("/leads/" + fresh).toString(),
                manager.get("/leads/" + held + "/activities").toString(), String.valueOf(manager.get("/leads?size=1").json().getInt("total")),
                manager.get("/partners?size=1").json().get("total").toString());
    }

    @Test
    void everyHostileRequestIsRefusedWithAProblemAndChangesNothing() {
        List<String> before = stored();
        List<String> failures = new ArrayList<>();
        for (Case c : corpus()) {
            byte[] body = c.body() == null ? null : c.body().getBytes(StandardCharsets.UTF_8);
            String type = c.method().equals("GET") ? null : "application/json";
            Api.Reply reply = Api.as(c.user()).send(c.method(), c.path(), type, body, Map.of());
            String problem = check(reply, c.status(), c.field());
            if (problem != null) {
                failures.add(c.name() + ": " + problem);
            }
            if (!stored().equals(before)) {
                failures.add(c.name() + ": changed what is stored");
                before = stored();
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Null if the reply is the refusal expected, else what is wrong with it. */
    private static String check(Api.Reply reply, int status, String field) {
        if (reply.status() != status) {
            return "status " + reply.status() + " instead of " + status + ": " + abbreviated(reply);
        }
        if (!String.valueOf(reply.header("Content-Type")).startsWith("application/problem+json")) {
            return "content type " + reply.header("Content-Type");
        }
        if (reply.header("Content-Security-Policy") == null || !"nosniff".equals(reply.header("X-Content-Type-Options"))) {
            return "no security headers";
        }
        JsonObject json = reply.json();
        if (json.getInt("status") != status) {
            return "problem status " + json.getInt("status");
        }
        if (field != null) {
            List<String> fields = json.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                    .map(e -> e.getString("field")).toList();
            if (!fields.contains(field)) {
                return "names " + fields + ", not " + field;
            }
        }
        return null;
    }

    private static String abbreviated(Api.Reply reply) {
        String text = reply.toString();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    @Test
    void malformedBytesAndTypesAreProblemsToo() {
        Api manager = Api.as("channel.manager");
        byte[] notUtf8 = {'{', '"', 'c', 'a', 'p', 'a', 'c', 'i', 't', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertEquals(null, check(manager.send("PUT", "/partners/rheinwerk/availability", "application/json", notUtf8, Map.of()), 400, null));
        assertEquals(null, check(manager.send("PUT", "/partners/rheinwerk/availability", "text/plain",
                "{\"capacity\": 5}".getBytes(StandardCharsets.UTF_8), Map.of()), 415, null));
        assertEquals(null, check(manager.send("PUT", "/partners/rheinwerk/availability", "application/json",
                "{\"capacity\": -1}".getBytes(StandardCharsets.UTF_8), Map.of("Accept-Language", "%%%;q=x")), 400, "capacity"));
    }

    @Test
    void tokensAreTakenFromTheAuthorizationHeaderOnly() {
        String token = Tokens.of("channel.manager");
        Api anonymous = Api.anonymous();
        assertEquals(null, check(anonymous.send("GET", "/partners?access_token=" + token, null, null, Map.of()), 401, null));
        assertEquals(null, check(anonymous.send("POST", "/admin/sla/sweep?access_token=" + token, null, null, Map.of()), 401, null));
        Api.Reply anyType = anonymous.send("GET", "/partners", null, null, Map.of("Accept", "*/*"));
        assertEquals(null, check(anyType, 401, null));
        assertEquals(null, anyType.header("Location"));
    }

    @Test
    void locationComesFromTheConfiguredBaseUrlNotTheHostHeader() throws Exception {
        byte[] body = Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", null).getBytes(StandardCharsets.UTF_8);
        String request = "POST /portal/api/leads HTTP/1.1\r\nHost: evil.example\r\nAccept: application/json\r\n"
                + "Authorization: Bearer " + Tokens.of("channel.manager") + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("localhost", 8080)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            assertTrue(status.contains(" 201 "), status);
            String location = in.lines().takeWhile(line -> !line.isEmpty())
                    .filter(line -> line.regionMatches(true, 0, "Location:", 0, 9)).findFirst().orElse(null);
            assertNotNull(location);
            assertTrue(location.substring(9).strip().startsWith("http://localhost:8080/portal/api/leads/"), location);
        }
    }
}
