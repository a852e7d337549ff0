package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.PortalDeployment;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What a partner's integrator and an operator find without a login: the OpenAPI description of the
 * REST API, valid and naming every endpoint of the contract, its page, and the health checks a load
 * balancer asks.
 */
class OpenApiIT extends PortalDeployment {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The contract's endpoints, as method and path under {@code /portal/api}. */
    private static final List<String> CONTRACT = List.of(
            "GET /health", "GET /partners", "GET /partners/{}", "PUT /partners/{}/availability",
            "POST /leads", "POST /leads/import", "GET /imports/{}", "GET /leads/{}", "PATCH /leads/{}",
            "GET /review", "POST /leads/{}/review", "POST /customers", "POST /customers/import", "GET /customers",
            "POST /leads/{}/publish", "GET /marketplace", "POST /leads/{}/claim", "POST /leads/{}/return",
            "POST /leads/{}/decline", "POST /leads/{}/activities", "GET /follow-ups",
            "GET /cockpit/summary", "GET /cockpit/leads", "GET /cockpit/export", "GET /campaigns", "PUT /campaigns/{}",
            "GET /reference/loss-reasons", "PUT /reference/loss-reasons/{}", "GET /reference/return-reasons",
            "PUT /reference/return-reasons/{}", "GET /reference/decline-reasons", "GET /reference/products",
            "GET /reference/regions", "GET /notifications", "POST /notifications/{}/read", "GET /profile", "PUT /profile",
            "POST /leads/{}/consent-invitations", "GET /leads/{}/consents", "GET /leads/{}/personal-data",
            "POST /leads/{}/erasure", "GET /audit/personal-data", "POST /sales-kit", "GET /sales-kit",
            "GET /leads/{}/sales-kit", "GET /sales-kit/{}/content", "POST /webhooks", "GET /webhooks", "DELETE /webhooks/{}",
            "GET /webhooks/{}/deliveries", "POST /webhooks/{}/deliveries/{}/replay",
            "GET /api-clients", "POST /api-clients", "DELETE /api-clients/{}");

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theOpenApiDocumentIsValidAndDescribesEveryEndpointOfTheContract() throws Exception {
        HttpResponse<String> document = get("http://localhost:8080/openapi?format=JSON");
        assertEquals(200, document.statusCode(), document::body);

        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.body());
        assertTrue(parsed.getMessages() == null || parsed.getMessages().isEmpty(), "valid OpenAPI 3: " + parsed.getMessages());
        OpenAPI api = parsed.getOpenAPI();
        assertEquals("Partner Portal API", api.getInfo().getTitle());
        assertTrue(api.getComponents().getSecuritySchemes().containsKey("bearer"), "how to authenticate");

        Set<String> described = new TreeSet<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            String normal = path.getKey().replaceFirst("^/portal", "").replaceFirst("^/api", "").replaceAll("\\{[^}]+}", "{}");
            path.getValue().readOperationsMap().keySet().forEach(method -> described.add(method + " " + normal));
        }
        List<String> missing = new ArrayList<>(CONTRACT);
        missing.removeAll(described);
        assertTrue(missing.isEmpty(), "not described: " + missing + " in " + described);
        String base = api.getServers().get(0).getUrl() + api.getPaths().keySet().iterator().next();
        assertTrue(base.startsWith("/portal/api/") || base.startsWith("http://localhost:8080/portal/api/"),
                "the server and a path make the endpoint's address: " + base);
    }

    @Test
    void theApiPageAndItsScriptsAreServedWithoutALogin() throws Exception {
        HttpResponse<String> page = get("http://localhost:8080/portal/api-docs.html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("/openapi?format=JSON"), page::body);
        for (String asset : List.of("swagger-ui-bundle.js", "swagger-ui.css")) {
            String path = page.body().replaceFirst("(?s).*\"(webjars/swagger-ui/[^\"]+/" + asset.replace(".", "\\.") + ")\".*", "$1");
            assertEquals(200, get("http://localhost:8080/portal/" + path).statusCode(), path);
        }
    }

    @Test
    void readinessAndLivenessAnswerOnTheManagementInterface() throws Exception {
        HttpResponse<String> ready = get("http://127.0.0.1:9990/health/ready");
        assertEquals(200, ready.statusCode(), ready::body);
        assertTrue(ready.body().contains("\"status\":\"UP\"") && ready.body().contains("\"portal.ear\":\"OK\""), ready::body);
        assertEquals(200, get("http://127.0.0.1:9990/health/live").statusCode());
        HttpResponse<String> api = get("http://localhost:8080/portal/api/health");
        assertEquals(200, api.statusCode());
        assertTrue(api.body().contains("\"status\":\"UP\"") && api.body().contains("\"database\":\"UP\"")
                && api.body().contains("\"migrations\":\"DONE\""), api::body);
    }
}
