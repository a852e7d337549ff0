package com.partnerportal.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The limits themselves, with small numbers: a user's and a client's bucket each, 429 with
 * {@code Retry-After} beyond it, a problem body on the API and the error page elsewhere. (The
 * integration tests run with a raised user limit, as a handful of test users do the work of many;
 * RateLimitIT floods an API client at the shipped limit.)
 */
class RateLimitsTest {

    private final RateLimits limits = new RateLimits(new RateLimits.Limit(1, 3), new RateLimits.Limit(1, 2));

    /** What the filter answered; status 0: passed on to the portal. */
    private static final class Answer {
        int status;
        int error;
        final Map<String, String> headers = new HashMap<>();
        final StringWriter body = new StringWriter();
    }

    private Answer call(String user, String path) throws Exception {
        Answer answer = new Answer();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getUserPrincipal" -> user == null ? null : (Principal) () -> user;
                    case "getServletPath" -> path.startsWith("/api/") ? "/api" : path;
                    case "getRequestURI" -> "/portal" + path;
                    case "getContextPath" -> "/portal";
                    default -> null;
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> answer.status = (Integer) args[0];
                        case "sendError" -> answer.error = (Integer) args[0];
                        case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
                        case "getWriter" -> {
                            return new PrintWriter(answer.body, true);
                        }
                        default -> {
                        }
                    }
                    return null;
                });
        FilterChain portal = (req, res) -> answer.status = 200;
        limits.doFilter(request, response, portal);
        return answer;
    }

    @Test
    void aUserGetsTheBurstThenWaitsWhileOthersGoOn() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, call("north.rep", "/api/marketplace").status);
        }
        Answer refused = call("north.rep", "/api/marketplace");
        assertEquals(429, refused.status);
        assertEquals("1", refused.headers.get("Retry-After"));
        assertTrue(refused.body.toString().contains("\"code\":\"RATE_LIMITED\""), refused.body::toString);
        assertEquals(200, call("south.rep", "/api/marketplace").status, "another user has a bucket of his own");

        Thread.sleep(1100);
        assertEquals(200, call("north.rep", "/api/marketplace").status, "refilled after the wait");
    }

    @Test
    void anApiClientHasTheClientsLimitAndPagesGetTheErrorPage() throws Exception {
        assertEquals(200, call("service-account-crm-nordlicht-1a2b", "/api/marketplace").status);
        assertEquals(200, call("service-account-crm-nordlicht-1a2b", "/api/marketplace").status);
        assertEquals(429, call("service-account-crm-nordlicht-1a2b", "/api/marketplace").status, "the client's burst is 2");

        for (int i = 0; i < 3; i++) {
            call("west.rep", "/marketplace.xhtml");
        }
        Answer page = call("west.rep", "/marketplace.xhtml");
        assertEquals(429, page.error, "a page gets the error page (web.xml)");
        assertEquals("1", page.headers.get("Retry-After"));
    }

    @Test
    void requestsWithoutLoginAndStyleSheetsAreNotCounted() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertEquals(200, call(null, "/api/health").status);
            assertEquals(200, call("north.admin", "/jakarta.faces.resource/theme.css.xhtml").status);
        }
    }
}
