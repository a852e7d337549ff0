package com.partnerportal.webhook;

import com.partnerportal.webhook.WebhookTakes.Taken;
import com.partnerportal.webhook.WebhookTakes.Tried;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The node's webhook requests: one HTTP client (its connections kept alive between messages) and the
 * threads that wait for the receivers. Each request waits on a thread of {@link #waiting}, at most
 * {@link WebhookSender#IN_FLIGHT} at once. Not the client's asynchronous API: it hands each answer on
 * through the common fork-join pool, and where that pool has fewer than two threads (a machine of one or
 * two cores) through a new thread per answer. Redirects are not followed; the destination is checked
 * again before each try.
 */
@ApplicationScoped
public class WebhookClient {

    /** Until the answer's headers. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Until the whole answer: a receiver that trickles its body is cut off here. */
    static final Duration WHOLE_ANSWER = TIMEOUT.multipliedBy(2);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Resource
    private ManagedThreadFactory threads;

    private ExecutorService waiting;

    /** Cuts off requests past {@link #WHOLE_ANSWER}. */
    private ScheduledThreadPoolExecutor watch;

    @PostConstruct
    void start() {
        waiting = Executors.newFixedThreadPool(WebhookSender.IN_FLIGHT, threads);
        watch = new ScheduledThreadPoolExecutor(1, threads);
        watch.setRemoveOnCancelPolicy(true);
    }

    @PreDestroy
    void stop() {
        waiting.shutdownNow();
        watch.shutdownNow();
    }

    /** Sends the message in the background; what came of it goes to {@code answered}, once. */
    void send(Taken message, Consumer<Tried> answered) {
        URI url = URI.create(message.url());
        if (Destinations.refused(url)) {
            answered.accept(new Tried(message.id(), message.endpoint(), null, "the destination resolves to a private address", null));
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "PartnerPortal-Webhooks/1")
                .header("webhook-id", message.messageId())
                .header("webhook-timestamp", Long.toString(message.timestamp()))
                .header("webhook-signature", message.signatures())
                .POST(HttpRequest.BodyPublishers.ofString(message.body())).build();
        waiting.execute(() -> {
            Thread thread = Thread.currentThread();
            Future<?> cutOff = watch.schedule(thread::interrupt, WHOLE_ANSWER.toMillis(), TimeUnit.MILLISECONDS);
            Tried tried;
            try {
                tried = tried(message, request);
            } finally {
                cutOff.cancel(false);
                Thread.interrupted(); // a cut-off that came as the answer did: not this thread's next request's
            }
            answered.accept(tried);
        });
    }

    private Tried tried(Taken message, HttpRequest request) {
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException | RuntimeException e) {
            return new Tried(message.id(), message.endpoint(), null, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Tried(message.id(), message.endpoint(), null, "no whole answer within " + WHOLE_ANSWER.toSeconds() + " s", null);
        }
        int status = response.statusCode();
        Duration retryAfter = status == 429 || status == 503 ? retryAfter(response.headers().firstValue("Retry-After").orElse(null)) : null;
        return new Tried(message.id(), message.endpoint(), status, status >= 300 ? "HTTP " + status : null, retryAfter);
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
