package com.partnerportal.webhook;

import com.partnerportal.platform.PortalUrl;
import com.partnerportal.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The demo run's webhook receiver ({@code portal.webhooks.demo-receiver}, on in the demo run only): an
 * endpoint of the manufacturer for every event, pointing at the portal's own {@code /demo-receiver},
 * which keeps the last 100 messages that arrived, with whether their signature holds; the channel
 * manager reads them on the page of that name.
 */
@Startup
@jakarta.inject.Named("demoReceiver")
@Singleton
@DependsOn("DatabaseMigration")
public class DemoReceiver {

    static final int KEPT = 100;

    /** One message as it arrived. */
    public record Arrival(Instant at, String messageId, String type, boolean signatureValid, String body) {
    }

    private final Deque<Arrival> arrivals = new ConcurrentLinkedDeque<>();

    private String secret;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    public static boolean enabled() {
        return Boolean.parseBoolean(Settings.value("portal.webhooks.demo-receiver", "false"));
    }

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void register() {
        if (!enabled()) {
            return;
        }
        String url = PortalUrl.of("/demo-receiver").toString();
        List<WebhookEndpoint> existing = em.createQuery("select e from WebhookEndpoint e where e.partnerKey is null and e.url = :url",
                WebhookEndpoint.class).setParameter("url", url).getResultList();
        WebhookEndpoint endpoint = existing.isEmpty() ? null : existing.get(0);
        if (endpoint == null) {
            endpoint = new WebhookEndpoint(null, url, EnumSet.allOf(WebhookEvent.class), "demo", clock.instant());
            em.persist(endpoint);
        }
        endpoint.enable();
        secret = endpoint.secret();
    }

    /** Keeps a message that arrived, checking its signature with the demo endpoint's secret. */
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void received(String messageId, String timestamp, String signatures, String body) {
        boolean valid = false;
        try {
            String expected = Signature.sign(secret, messageId, Long.parseLong(timestamp), body);
            valid = signatures != null && List.of(signatures.split(" ")).contains(expected);
        } catch (RuntimeException e) {
            // unsigned or garbled: kept as not valid
        }
        String type = body.replaceFirst("(?s).*?\"type\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        arrivals.addFirst(new Arrival(clock.instant(), messageId, type.length() > 40 ? "?" : type, valid, body));
        while (arrivals.size() > KEPT) {
            arrivals.pollLast();
        }
    }

    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Arrival> arrivals() {
        return new ArrayList<>(arrivals);
    }
}
