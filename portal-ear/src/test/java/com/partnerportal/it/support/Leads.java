package com.partnerportal.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.UUID;

/** Test leads, each with a new external id, made through the API as the channel manager would. */
public final class Leads {

    private Leads() {
    }

    /** A complete lead with a handover protocol; {@code certification} may be null. */
    public static String json(String region, String product, String size, String certification) {
        return json(region, product, size, certification, 80);
    }

    public static String json(String region, String product, String size, String certification, int score) {
        String country = region.contains("-") ? region.substring(0, region.indexOf('-')) : region;
        return """
                {"source": "it-test", "externalId": "%s", "campaign": "integration-tests",
                 "company": {"name": "Prüfstand Maschinenbau GmbH", "sizeClass": "%s", "industry": "Manufacturing",
                             "country": "%s", "region": "%s"},
                 "contact": {"firstName": "Erika", "lastName": "Geheim", "email": "erika.geheim@example.com",
                             "phone": "+49 40 9999999", "street": "Verborgene Str. 7", "postalCode": "20457", "city": "Hamburg"},
                 "product": "%s", %s
                 "estimatedRevenue": {"amount": "12500.00", "currency": "EUR"}, "score": %d,
                 "buyingSignals": "asked for a quote twice",
                 "handover": {"reason": "budget approved, needs a local installer", "prospectAsked": "on-site demo",
                              "promised": "call within two days", "nextStep": "book the demo"}}
                """.formatted(UUID.randomUUID(), size, country, region, product,
                certification == null ? "" : "\"requiredCertification\": \"" + certification + "\",", score);
    }

    /** Creates and publishes a lead; returns its id. */
    public static long published(String region, String product, String size, String certification) {
        return published(json(region, product, size, certification));
    }

    /** Creates and publishes the lead of this JSON; returns its id. */
    public static long published(String json) {
        Api manager = Api.as("channel.manager");
        Api.Reply created = manager.post("/leads", json);
        assertEquals(201, created.status(), created::toString);
        long id = created.json().getJsonNumber("id").longValue();
        Api.Reply published = manager.post("/leads/" + id + "/publish", "");
        assertEquals(200, published.status(), published::toString);
        return id;
    }

    /** A lead only the Gold partner nordlicht fits (Hamburg, network certification). */
    public static long forNordlicht() {
        return published("DE-HH", "SWITCH-CAMPUS", "MEDIUM", "NETWORK-PRO");
    }

    public static JsonObject get(String user, long id) {
        return Api.as(user).get("/leads/" + id).json();
    }
}
