package com.partnerportal.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.ExternalDocumentation;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The REST API under {@code /portal/api}. Its OpenAPI description is generated from the resources by
 * the server (MicroProfile OpenAPI) and served at {@code /openapi}; {@code /portal/api-docs.html}
 * shows it as a page.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info = @Info(title = "Partner Portal API", version = "1",
                description = "The lead marketplace between the manufacturer and its resellers: leads, the marketplace and"
                        + " its claims, the pipeline, the cockpit, consent and personal data. Every endpoint but the health"
                        + " and the public consent page needs a bearer token of the realm partner-portal (Keycloak);"
                        + " a reseller's token sees exactly what the reseller's users see. Errors are"
                        + " application/problem+json (RFC 9457) with a per-field errors list for bad input.",
                license = @License(name = "Proprietary", url = "http://localhost:8080/portal/")),
        externalDocs = @ExternalDocumentation(description = "The API as a page to browse and try",
                url = "http://localhost:8080/portal/api-docs.html"),
        servers = @Server(url = "/portal/api", description = "this portal"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An access token of the realm partner-portal, e.g. by client credentials for a CRM")
public class PortalApi extends Application {
}
