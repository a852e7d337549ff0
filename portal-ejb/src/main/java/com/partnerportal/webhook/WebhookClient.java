package com.partnerportal.webhook;

import com.partnerportal.webhook.WebhookTakes.Taken;
import com.partnerportal.webhook.WebhookTakes.Tried;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The node's webhook requests: one HTTP client (its connections kept alive between messages) and the
 * threads that send them, at most {@link WebhookSender#IN_FLIGHT} at once. Each request is written and
 * its answer read on the thread that waits for it (Apache HttpClient's blocking client): the JDK's
 * client handed every request between three threads, and those hand-offs cost more CPU than the request.
 * Redirects are not followed; the host is resolved for each connection and refused if it resolves to a
 * private address ({@link Destinations#resolve}), so the checked address is the one connected to.
 */
@ApplicationScoped
public class WebhookClient {

    /** Until the answer's headers, and between two reads of it. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Until the whole answer: a receiver that trickles its body is cut off here. */
    static final Duration WHOLE_ANSWER = TIMEOUT.multipliedBy(2);

    private final CloseableHttpClient http = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(WebhookSender.IN_FLIGHT)
                    .setMaxConnPerRoute(WebhookSender.PER_ENDPOINT)
                    .setDnsResolver(new SystemDefaultDnsResolver() {
                        @Override
                        public InetAddress[] resolve(String host) throws UnknownHostException {
                            return Destinations.resolve(host);
                        }
                    })
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(5))
                            .setSocketTimeout(Timeout.of(TIMEOUT))
                            .setValidateAfterInactivity(TimeValue.ofSeconds(1)) // a receiver may have closed an idle connection
                            .build())
                    .build())
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(TIMEOUT)).build())
            .disableRedirectHandling()
            .disableAutomaticRetries() // a failed try is tried again by the outbox, with its backoff
            .disableCookieManagement()
            .disableAuthCaching()
            .disableContentCompression()
            .setUserAgent("PartnerPortal-Webhooks/1")
            .build();

    @Resource
    private ManagedThreadFactory threads;

    private ExecutorService sending;

    /** Cuts off requests past {@link #wholeAnswer}. */
    private ScheduledThreadPoolExecutor watch;

    private Duration wholeAnswer = WHOLE_ANSWER; // shorter in a test

    @PostConstruct
    void start() {
        sending = Executors.newFixedThreadPool(WebhookSender.IN_FLIGHT, threads);
        watch = new ScheduledThreadPoolExecutor(1, threads);
        watch.setRemoveOnCancelPolicy(true);
    }

    @PreDestroy
    void stop() {
        sending.shutdownNow();
        watch.shutdownNow();
        http.close(CloseMode.IMMEDIATE);
    }

    /** Sends the message in the background; what came of it goes to {@code answered}, once. */
    void send(Taken message, Consumer<Tried> answered) {
        HttpPost request = new HttpPost(message.url());
        request.setHeader("webhook-id", message.messageId());
        request.setHeader("webhook-timestamp", Long.toString(message.timestamp()));
        request.setHeader("webhook-signature", message.signatures());
        request.setEntity(new StringEntity(message.body(), ContentType.APPLICATION_JSON));
        sending.execute(() -> {
            Future<?> cutOff = watch.schedule(request::cancel, wholeAnswer.toMillis(), TimeUnit.MILLISECONDS);
            Tried tried;
            try {
                tried = tried(message, request);
            } finally {
                cutOff.cancel(false);
            }
            answered.accept(tried);
        });
    }

    private Tried tried(Taken message, HttpPost request) {
        try {
            return http.execute(request, response -> {
                EntityUtils.consume(response.getEntity());
                int status = response.getCode();
                Header retryAfter = status == 429 || status == 503 ? response.getFirstHeader("Retry-After") : null;
                return new Tried(message.id(), message.endpoint(), status, status >= 300 ? "HTTP " + status : null,
                        retryAfter == null ? null : retryAfter(retryAfter.getValue()));
            });
        } catch (IOException | RuntimeException e) {
            String error = request.isCancelled() ? "no whole answer within " + wholeAnswer.toSeconds() + " s"
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new Tried(message.id(), message.endpoint(), null, error, null);
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
