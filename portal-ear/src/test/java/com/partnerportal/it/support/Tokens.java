package com.partnerportal.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Access tokens from the demo realm: users through the public {@code portal-cli} client. */
public final class Tokens {

    private static final String TOKEN_URL = TestServers.REALM + "/protocol/openid-connect/token";
    private static final Map<String, Token> CACHE = new ConcurrentHashMap<>();

    /** A token and when it stops being accepted; a cached one is fetched anew a minute before. */
    private record Token(String value, java.time.Instant expires) {
        boolean fresh() {
            return java.time.Instant.now().plusSeconds(60).isBefore(expires);
        }
    }

    private Tokens() {
    }

    /** A token of a demo user (password {@code demo}); cached while it lives (five minutes). */
    public static String of(String username) {
        return CACHE.compute(username, (user, cached) -> cached != null && cached.fresh() ? cached
                : request(Map.of("grant_type", "password", "client_id", "portal-cli", "username", user, "password", "demo")))
                .value();
    }

    /** The token of the {@code lead-ingest} service client (client credentials). */
    public static String leadIngest() {
        return CACHE.compute("lead-ingest", (c, cached) -> cached != null && cached.fresh() ? cached
                : request(Map.of("grant_type", "client_credentials", "client_id", "lead-ingest",
                        "client_secret", "demo-lead-ingest-secret"))).value();
    }

    private static Token request(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(TOKEN_URL))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("No token for " + form.get("username") + ": " + response.body());
            }
            JsonObject json = Json.createReader(new StringReader(response.body())).readObject();
            return new Token(json.getString("access_token"),
                    java.time.Instant.now().plusSeconds(json.getJsonNumber("expires_in").longValue()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
