package com.partnerportal.webhook;

import com.partnerportal.platform.Drain;
import com.partnerportal.webhook.WebhookTakes.Tried;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * and recording stay on the worker's thread, in short transactions that each take (or record) all
 * the messages ready at that moment; only the HTTP waits run beside it.
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
            Map<Long, Long> picked = new LinkedHashMap<>(); // message -> endpoint
            for (Iterator<Map.Entry<Long, ArrayDeque<Long>>> it = waiting.entrySet().iterator();
                 it.hasNext() && inFlight + picked.size() < IN_FLIGHT; ) {
                Map.Entry<Long, ArrayDeque<Long>> endpoint = it.next();
                while (!endpoint.getValue().isEmpty() && inFlight + picked.size() < IN_FLIGHT
                        && underWay.getOrDefault(endpoint.getKey(), 0) < PER_ENDPOINT) {
                    picked.put(endpoint.getValue().poll(), endpoint.getKey());
                    underWay.merge(endpoint.getKey(), 1, Integer::sum);
                }
                if (endpoint.getValue().isEmpty()) {
                    it.remove();
                }
            }
            Set<Long> sent = send(picked.keySet(), answered);
            picked.forEach((id, endpoint) -> {
                if (!sent.contains(id)) {
                    underWay.merge(endpoint, -1, Integer::sum);
                }
            });
            inFlight += sent.size();
            if (inFlight == 0) {
                return delivered;
            }
            List<Tried> tries = new ArrayList<>();
            tries.add(next(answered));
            answered.drainTo(tries); // whatever else came meanwhile: recorded in the same commit
            for (Tried tried : tries) {
                inFlight--;
                underWay.merge(tried.endpoint(), -1, Integer::sum);
                delivered += tried.delivered() ? 1 : 0;
            }
            record(tries);
        }
    }

    /** Takes the messages and sends those taken without waiting for the answers, which go to {@code answered}; the ids sent. */
    private Set<Long> send(Collection<Long> ids, BlockingQueue<Tried> answered) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<WebhookTakes.Taken> taken;
        try {
            taken = takes.take(ids, clock.instant());
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "Webhook messages " + ids + " not sent this round", e);
            return Set.of();
        }
        Set<Long> sent = new HashSet<>();
        for (WebhookTakes.Taken message : taken) { // the others: another worker has them, or their endpoint is disabled
            sent.add(message.id());
            URI url = URI.create(message.url());
            if (Destinations.refused(url)) {
                answered.add(new Tried(message.id(), message.endpoint(), null, "the destination resolves to a private address", null));
                continue;
            }
            HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "PartnerPortal-Webhooks/1")
                    .header("webhook-id", message.messageId())
                    .header("webhook-timestamp", Long.toString(message.timestamp()))
                    .header("webhook-signature", message.signatures())
                    .POST(HttpRequest.BodyPublishers.ofString(message.body())).build();
            HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .orTimeout(TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS) // the request's timeout ends at the headers; a body can trickle
                    .whenComplete((response, failure) -> answered.add(tried(message, response, failure)));
        }
        return sent;
    }

    /** Records the tries in one commit; if that fails, one by one, so one bad row does not keep the others. */
    private void record(List<Tried> tries) {
        try {
            takes.record(tries, clock.instant());
        } catch (EJBException e) {
            for (Tried tried : tries) {
                try {
                    takes.record(List.of(tried), clock.instant());
                } catch (EJBException again) {
                    LOG.log(Level.WARNING, "Webhook message " + tried.id() + " not recorded; its hold runs out and it goes again", again);
                }
            }
        }
    }

    private static Tried tried(WebhookTakes.Taken message, HttpResponse<Void> response, Throwable failure) {
        if (response == null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            return new Tried(message.id(), message.endpoint(), null, cause.getClass().getSimpleName() + ": " + cause.getMessage(), null);
        }
        int status = response.statusCode();
        Duration retryAfter = status == 429 || status == 503 ? retryAfter(response.headers().firstValue("Retry-After").orElse(null)) : null;
        return new Tried(message.id(), message.endpoint(), status, status >= 300 ? "HTTP " + status : null, retryAfter);
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
