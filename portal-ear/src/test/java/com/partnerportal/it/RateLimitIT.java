package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.TestServers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Rate limits on the running server (an API client's shipped limit: 200 requests at once, 20 a second
 * after that): a CRM that floods the API is refused with 429, a problem body and {@code Retry-After},
 * while other callers, of the same partner too, go on; after the wait it is served again. (The test
 * server raises the limit per user, as its few users do the work of many; RateLimitsTest tests that one.)
 */
class RateLimitIT extends PortalDeployment {

    private static final int BURST = 200;
    private static final int FLOOD = 400;
    private static final String CHEAP = "/reference/products";

    @Test
    void aFloodingCrmIsToldToWaitWhileEveryoneElseGoesOn() throws Exception {
        Api admin = Api.as("north.admin");
        Api.Reply made = admin.post("/api-clients", "{\"name\": \"Runaway CRM\"}");
        assertEquals(201, made.status(), made::toString);
        try {
            Api crm = Api.withToken(clientToken(made.json().getString("clientId"), made.json().getString("clientSecret")));

            List<Api.Reply> replies = flood(crm);
            long served = replies.stream().filter(r -> r.status() == 200).count();
            List<Api.Reply> refused = replies.stream().filter(r -> r.status() == 429).toList();
            assertEquals(FLOOD, served + refused.size(), "every request either served or refused as too many");
            assertTrue(served >= BURST, "the burst is served: " + served);
            assertTrue(!refused.isEmpty(), "a flood is refused in part");
            Api.Reply tooMany = refused.get(0);
            assertEquals("application/problem+json", tooMany.header("Content-Type").split(";")[0]);
            assertEquals("RATE_LIMITED", tooMany.json().getString("code"));
            assertEquals(429, tooMany.json().getInt("status"));
            long wait = Long.parseLong(tooMany.header("Retry-After"));
            assertTrue(wait >= 1 && wait <= 2, "one request's worth of waiting: " + wait);

            assertEquals(200, Api.as("north.rep").get(CHEAP).status(), "the partner's reps go on");
            assertEquals(200, admin.get("/api-clients").status(), "and its admin");

            Thread.sleep(wait * 1000 + 200);
            assertEquals(200, crm.get(CHEAP).status(), "served again after Retry-After");
        } finally {
            assertEquals(204, admin.delete("/api-clients/" + made.json().getJsonObject("client").getJsonNumber("id").longValue()).status());
        }
    }

    /** {@link #FLOOD} requests from 32 threads at once. */
    private static List<Api.Reply> flood(Api caller) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Api.Reply>> sent = new ArrayList<>();
            for (int i = 0; i < FLOOD; i++) {
                sent.add(pool.submit((Callable<Api.Reply>) () -> caller.get(CHEAP)));
            }
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> reply : sent) {
                replies.add(reply.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String clientToken(String clientId, String secret) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> granted = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(TestServers.REALM + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, granted.statusCode(), granted::body);
        JsonObject body = Json.createReader(new StringReader(granted.body())).readObject();
        return body.getString("access_token");
    }
}
