package com.partnerportal.webhook;

import com.partnerportal.platform.Drain;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox: right after a move committed (in the background, so the rep's request does not
 * wait for a partner's CRM) and every few seconds for what is due again ({@link WebhookWatch}). Each
 * message is taken in a committed transaction before it goes out ({@link WebhookTakes}), so two
 * workers, on one node or two, never send it at the same time; redirects are not followed, and the
 * destination is checked again before each try.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

    /** At most this many messages a round; the rest the next. */
    static final int BATCH = 500;

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private WebhookTakes takes;

    @Inject
    private Clock clock;

    /** Sends what is due until nothing more is asked for ({@link WebhookTrigger}). */
    @Asynchronous
    public void drain(Drain drain) {
        drain.run(this::deliverDue);
    }

    /** Sends what is due now; how many were delivered. */
    public int deliverDue() {
        Instant now = clock.instant();
        List<Long> due = em.createQuery("""
                        select m.id from WebhookMessage m
                        where (m.state = :pending and m.nextAttemptAt <= :now) or (m.state = :sending and m.takenUntil < :now)
                        order by m.id""", Long.class)
                .setParameter("pending", WebhookMessage.State.PENDING).setParameter("sending", WebhookMessage.State.SENDING)
                .setParameter("now", now).setMaxResults(BATCH).getResultList();
        int delivered = 0;
        for (long id : due) {
            try {
                WebhookTakes.Taken taken = takes.take(id, clock.instant());
                if (taken != null) {
                    delivered += send(taken) ? 1 : 0;
                }
            } catch (EJBException e) {
                LOG.log(Level.WARNING, "Webhook message " + id + " not sent this round", e);
            }
        }
        return delivered;
    }

    private boolean send(WebhookTakes.Taken taken) {
        URI url = URI.create(taken.url());
        if (Destinations.refused(url)) {
            takes.record(taken.id(), null, "the destination resolves to a private address", null, clock.instant());
            return false;
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "PartnerPortal-Webhooks/1")
                .header("webhook-id", taken.messageId())
                .header("webhook-timestamp", Long.toString(taken.timestamp()))
                .header("webhook-signature", taken.signatures())
                .POST(HttpRequest.BodyPublishers.ofString(taken.body())).build();
        try {
            HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            Duration retryAfter = status == 429 || status == 503
                    ? retryAfter(response.headers().firstValue("Retry-After").orElse(null)) : null;
            takes.record(taken.id(), status, status >= 300 ? "HTTP " + status : null, retryAfter, clock.instant());
            return status >= 200 && status < 300;
        } catch (IOException e) {
            takes.record(taken.id(), null, e.getClass().getSimpleName() + ": " + e.getMessage(), null, clock.instant());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            takes.record(taken.id(), null, "interrupted", null, clock.instant());
            return false;
        }
    }

    /** {@code Retry-After} as seconds or an HTTP date; null if absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            try {
                return Duration.between(Instant.now(), ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }
}
