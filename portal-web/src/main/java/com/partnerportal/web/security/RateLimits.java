package com.partnerportal.web.security;

import com.partnerportal.platform.Settings;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often each signed-in user and each API client may call the portal: a token bucket per caller
 * (Bucket4j), so that one runaway CRM or script is refused with 429 and {@code Retry-After} while
 * everybody else goes on. Configured in one place, the settings below (MicroProfile Config: system
 * properties or {@code PORTAL_RATE_LIMIT_...} in the environment). The buckets are kept per node: on
 * a cluster, a caller whose requests the balancer spreads over n nodes gets up to n times the limit.
 * Requests without a login (the health check, the prospect's consent page) and JSF's style sheets and
 * scripts are not counted.
 */
@WebFilter(urlPatterns = "/*")
public class RateLimits extends HttpFilter {

    /** Keycloak names the user behind a client-credentials token so; the portal's API clients are such users. */
    static final String SERVICE_ACCOUNT = "service-account-";

    private static final String RESOURCES = "/jakarta.faces.resource/";

    /** A caller's allowance: this many requests at once, refilled by so many a second. */
    record Limit(long perSecond, long burst) {

        static Limit of(String caller) {
            return new Limit(Long.parseLong(Settings.value("portal.rate-limit." + caller + ".per-second", "20")),
                    Long.parseLong(Settings.value("portal.rate-limit." + caller + ".burst", "200")));
        }

        Bucket bucket() {
            return Bucket.builder().addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1))).build();
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private Limit users;

    private Limit clients;

    public RateLimits() {
    }

    RateLimits(Limit users, Limit clients) {
        this.users = users;
        this.clients = clients;
    }

    @Override
    public void init() {
        if (users == null) {
            users = Limit.of("user");
            clients = Limit.of("client");
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal caller = request.getUserPrincipal();
        if (caller == null || request.getServletPath().startsWith(RESOURCES)) {
            chain.doFilter(request, response);
            return;
        }
        String name = caller.getName();
        Bucket bucket = buckets.computeIfAbsent(name, n -> (n.startsWith(SERVICE_ACCOUNT) ? clients : users).bucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000); // rounded up
        response.setHeader("Retry-After", Long.toString(seconds));
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.sendError(429); // the error page (web.xml) says so in both languages
            return;
        }
        response.setStatus(429);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("""
                {"type":"about:blank","title":"Too Many Requests","status":429,"code":"RATE_LIMITED",\
                "detail":"Too many requests from this caller: try again in %d s"}""".formatted(seconds));
    }
}
