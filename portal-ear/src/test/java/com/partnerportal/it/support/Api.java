package com.partnerportal.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small client for the portal's REST API as an outside system sees it. */
public final class Api {

    public static final String PORTAL = "http://localhost:8080/portal";

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private final String token;
    private final String language;

    private Api(String token) {
        this(token, null);
    }

    private Api(String token, String language) {
        this.token = token;
        this.language = language;
    }

    /** The same caller, asking for answers in this language ({@code Accept-Language}). */
    public Api inLanguage(String language) {
        return new Api(token, language);
    }

    public static Api as(String username) {
        return new Api(Tokens.of(username));
    }

    public static Api withToken(String token) {
        return new Api(token);
    }

    public static Api anonymous() {
        return new Api(null);
    }

    public Reply get(String path) {
        return send(base(path).GET());
    }

    public Reply post(String path, String json) {
        return send(base(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply put(String path, String json) {
        return send(base(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply delete(String path) {
        return send(base(path).DELETE());
    }

    /** A JSON merge patch. */
    public Reply patch(String path, String json) {
        return patch(path, json, null);
    }

    /** A JSON merge patch, only if the resource still has the tag {@code ifMatch} (none: whatever it is now). */
    public Reply patch(String path, String json, String ifMatch) {
        HttpRequest.Builder builder = base(path).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
        return send(ifMatch == null ? builder : builder.header("If-Match", ifMatch));
    }

    /**
     * Any request, as a hostile or careless client might send it: the method, raw body bytes, and
     * headers of its own (which replace the usual {@code Accept} and content type).
     */
    public Reply send(String method, String path, String contentType, byte[] body, java.util.Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(PORTAL + "/api" + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (!headers.containsKey("Accept")) {
            builder.header("Accept", "application/json");
        }
        headers.forEach(builder::header);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return send(builder);
    }

    private HttpRequest.Builder base(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(PORTAL + "/api" + path))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30));
        if (language != null) {
            builder.header("Accept-Language", language);
        }
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            return new Reply(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP answer with its JSON body. */
    public record Reply(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            return Json.createReader(new StringReader(response.body())).read();
        }

        @Override
        public String toString() {
            return response.statusCode() + " " + response.body();
        }
    }
}
