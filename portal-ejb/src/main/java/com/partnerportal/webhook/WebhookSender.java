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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox: right after a move committed (in the background, so the rep's request does not
 * wait for a partner's CRM) and every few seconds for what is due again ({@link WebhookWatch}). Each
 * message is taken in a committed transaction before it goes out ({@link WebhookTakes}), so two
 * workers, on one node or two, never send it at the same time; redirects are not followed, and the
 * destination is checked again before each try.
 *
 * <p>Up to {@link #IN_FLIGHT} requests are under way at once, at most {@link #PER_ENDPOINT} to one
 * endpoint: a slow or dead endpoint holds a few of them until its timeout, the others go on. Taking
 * and recording stay on the worker's thread, one short transaction each; only the HTTP waits run
 * beside it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

    /** At most this many messages a round; the rest the next. */
    static final int BATCH = 500;

    /** Requests under way at once, in all. */
    static final int IN_FLIGHT = 32;

    /** Requests under way at once to one endpoint. */
    static final int PER_ENDPOINT = 8;

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

    /** What came of one request: the status, or the error when there was no answer. */
    private record Tried(long id, long endpoint, Integer status, String error, Duration retryAfter) {
    }

    /** Sends what is due now; how many were delivered. */
    public int deliverDue() {
        Instant now = clock.instant();
        Map<Long, ArrayDeque<Long>> waiting = new LinkedHashMap<>(); // per endpoint, oldest first
        for (Object[] due : em.createQuery("""
                        select m.id, m.endpointId from WebhookMessage m
                        where (m.state = :pending and m.nextAttemptAt <= :now) or (m.state = :sending and m.takenUntil < :now)
                        order by m.id""", Object[].class)
                .setParameter("pending", WebhookMessage.State.PENDING).setParameter("sending", WebhookMessage.State.SENDING)
                .setParameter("now", now).setMaxResults(BATCH).getResultList()) {
            waiting.computeIfAbsent((Long) due[1], e -> new ArrayDeque<>()).add((Long) due[0]);
        }
        BlockingQueue<Tried> answered = new LinkedBlockingQueue<>();
        Map<Long, Integer> underWay = new HashMap<>();
        int inFlight = 0;
        int delivered = 0;
        while (true) {
            for (Iterator<Map.Entry<Long, ArrayDeque<Long>>> it = waiting.entrySet().iterator(); it.hasNext() && inFlight < IN_FLIGHT; ) {
                Map.Entry<Long, ArrayDeque<Long>> endpoint = it.next();
                while (!endpoint.getValue().isEmpty() && inFlight < IN_FLIGHT
                        && underWay.getOrDefault(endpoint.getKey(), 0) < PER_ENDPOINT) {
                    long id = endpoint.getValue().poll();
                    if (start(id, endpoint.getKey(), answered)) {
                        underWay.merge(endpoint.getKey(), 1, Integer::sum);
                        inFlight++;
                    }
                }
                if (endpoint.getValue().isEmpty()) {
                    it.remove();
                }
            }
            if (inFlight == 0) {
                return delivered;
            }
            Tried tried = next(answered);
            inFlight--;
            underWay.merge(tried.endpoint(), -1, Integer::sum);
            takes.record(tried.id(), tried.status(), tried.error(), tried.retryAfter(), clock.instant());
            delivered += tried.status() != null && tried.status() >= 200 && tried.status() < 300 ? 1 : 0;
        }
    }

    /** Takes the message and sends it without waiting for the answer, which goes to {@code answered}; false if not sent. */
    private boolean start(long id, long endpoint, BlockingQueue<Tried> answered) {
        WebhookTakes.Taken taken;
        try {
            taken = takes.take(id, clock.instant());
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "Webhook message " + id + " not sent this round", e);
            return false;
        }
        if (taken == null) {
            return false; // another worker has it, or its endpoint is disabled
        }
        URI url = URI.create(taken.url());
        if (Destinations.refused(url)) {
            takes.record(id, null, "the destination resolves to a private address", null, clock.instant());
            return false;
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "PartnerPortal-Webhooks/1")
                .header("webhook-id", taken.messageId())
                .header("webhook-timestamp", Long.toString(taken.timestamp()))
                .header("webhook-signature", taken.signatures())
                .POST(HttpRequest.BodyPublishers.ofString(taken.body())).build();
        HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .orTimeout(TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS) // the request's timeout ends at the headers; a body can trickle
                .whenComplete((response, failure) -> answered.add(tried(id, endpoint, response, failure)));
        return true;
    }

    private static Tried tried(long id, long endpoint, HttpResponse<Void> response, Throwable failure) {
        if (response == null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            return new Tried(id, endpoint, null, cause.getClass().getSimpleName() + ": " + cause.getMessage(), null);
        }
        int status = response.statusCode();
        Duration retryAfter = status == 429 || status == 503 ? retryAfter(response.headers().firstValue("Retry-After").orElse(null)) : null;
        return new Tried(id, endpoint, status, status >= 300 ? "HTTP " + status : null, retryAfter);
    }

    /** The next answer; every request ends within its timeout, so this does not wait for ever. */
    private static Tried next(BlockingQueue<Tried> answered) {
        try {
            return answered.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while webhooks were under way; their hold runs out and they go again", e);
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
