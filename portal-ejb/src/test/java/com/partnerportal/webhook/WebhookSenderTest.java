package com.partnerportal.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.platform.Drain;
import com.partnerportal.webhook.WebhookTakes.Taken;
import com.partnerportal.webhook.WebhookTakes.Tried;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worker's round without a server: the outbox's take and the HTTP client stand in, the round is the
 * real one. What a receiver relies on: every message taken goes once, an endpoint never gets more than
 * its share of requests at once, and a message whose hold would run out before its answer does not go
 * (another worker would take it again and send it a second time).
 */
class WebhookSenderTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final ScheduledExecutorService receiver = Executors.newScheduledThreadPool(4);

    @AfterEach
    void stop() {
        receiver.shutdownNow();
    }

    @Test
    void eachTakenMessageGoesOnceAndAnEndpointGetsAtMostItsShareAtOnce() throws Exception {
        FakeTakes takes = new FakeTakes(id -> NOW.plus(WebhookTakes.HOLD).minus(WebhookClient.WHOLE_ANSWER));
        FakeClient client = new FakeClient(2);
        Queue<Outbox.Due> due = new ArrayDeque<>();
        LongStream.rangeClosed(1, 300).forEach(id -> due.add(new Outbox.Due(id, id % 2 == 0 ? 10 : 20)));

        drain(sender(takes, client), due);

        List<Long> sent = new ArrayList<>(client.sent);
        Collections.sort(sent);
        assertEquals(LongStream.rangeClosed(1, 300).boxed().toList(), sent, "all 300, each once");
        assertEquals(Set.copyOf(sent), takes.recorded, "every answer recorded");
        assertTrue(client.mostAtOnce.get() <= WebhookSender.PER_ENDPOINT, "at most an endpoint's share at once: " + client.mostAtOnce);
        assertTrue(takes.mostAheadAtOnce <= WebhookSender.AHEAD, "taken ahead for one endpoint at most " + WebhookSender.AHEAD
                + ": " + takes.mostAheadAtOnce);
    }

    @Test
    void aMessageWhoseHoldWouldRunOutBeforeItsAnswerIsNotSent() throws Exception {
        FakeTakes takes = new FakeTakes(id -> id == 2 ? NOW.minusSeconds(1) : NOW.plusSeconds(40)); // 2 waited too long
        FakeClient client = new FakeClient(0);
        Queue<Outbox.Due> due = new ArrayDeque<>(List.of(new Outbox.Due(1, 10), new Outbox.Due(2, 10), new Outbox.Due(3, 10)));

        drain(sender(takes, client), due);

        List<Long> sent = new ArrayList<>(client.sent);
        Collections.sort(sent);
        assertEquals(List.of(1L, 3L), sent, "message 2 is left to be taken again once its hold ran out");
        assertEquals(Set.of(1L, 3L), takes.recorded, "and nothing is recorded of it: it stays taken till its hold runs out");
    }

    @Test
    void aMessageWrittenTakenGoesWithoutAskingTheOutboxAndOnce() throws Exception {
        FakeTakes takes = new FakeTakes(id -> NOW.plusSeconds(40));
        FakeClient client = new FakeClient(1);
        Queue<Outbox.Due> due = new ArrayDeque<>();
        LongStream.rangeClosed(1, 200).forEach(id -> due.add(id % 4 == 0 ? new Outbox.Due(id, 10) // replayed: to be taken
                : new Outbox.Due(id, 10, new Taken(id, 10, "https://crm.example/hooks", "msg_" + id, NOW.getEpochSecond(), "{}",
                        "v1,x", NOW.plusSeconds(40)))));

        drain(sender(takes, client), due);

        List<Long> sent = new ArrayList<>(client.sent);
        Collections.sort(sent);
        assertEquals(LongStream.rangeClosed(1, 200).boxed().toList(), sent, "all 200, each once");
        assertEquals(Set.copyOf(sent), takes.recorded, "every answer recorded");
        assertEquals(LongStream.rangeClosed(1, 50).map(i -> 4 * i).boxed().collect(java.util.stream.Collectors.toSet()),
                takes.askedFor, "only the replayed ones taken from the outbox");
        assertTrue(client.mostAtOnce.get() <= WebhookSender.PER_ENDPOINT, "at most an endpoint's share at once: " + client.mostAtOnce);
    }

    private static void drain(WebhookSender sender, Queue<Outbox.Due> due) {
        Drain drain = new Drain();
        drain.request();
        sender.drain(drain, due);
    }

    private static WebhookSender sender(WebhookTakes takes, WebhookClient client) throws Exception {
        WebhookSender sender = new WebhookSender();
        set(sender, "takes", takes);
        set(sender, "client", client);
        set(sender, "clock", Clock.fixed(NOW, ZoneOffset.UTC));
        return sender;
    }

    private static void set(Object bean, String field, Object value) throws Exception {
        var f = bean.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(bean, value);
    }

    /** The outbox's take: every message asked for is free; remembers what was recorded and how much was ahead. */
    private static final class FakeTakes extends WebhookTakes {

        private final java.util.function.LongFunction<Instant> sendBy;
        private final Set<Long> recorded = ConcurrentHashMap.newKeySet();
        private final Set<Long> askedFor = ConcurrentHashMap.newKeySet();
        private final java.util.Map<Long, Integer> ahead = new java.util.HashMap<>(); // per endpoint: taken, not answered
        private int mostAheadAtOnce;

        FakeTakes(java.util.function.LongFunction<Instant> sendBy) {
            this.sendBy = sendBy;
        }

        @Override
        public List<Taken> recordAndTake(List<Tried> tries, Collection<Long> ids, Instant now) {
            for (Tried tried : tries) {
                assertTrue(recorded.add(tried.id()), "message " + tried.id() + " recorded twice");
                ahead.merge(tried.endpoint(), -1, Integer::sum);
            }
            List<Taken> taken = new ArrayList<>();
            for (long id : ids) {
                assertTrue(askedFor.add(id), "message " + id + " taken twice");
                long endpoint = id % 2 == 0 ? 10 : 20;
                mostAheadAtOnce = Math.max(mostAheadAtOnce, ahead.merge(endpoint, 1, Integer::sum));
                taken.add(new Taken(id, endpoint, "https://crm.example/hooks", "msg_" + id, now.getEpochSecond(), "{}", "v1,x",
                        sendBy.apply(id)));
            }
            return taken;
        }
    }

    /** A receiver that answers 204 after {@code millis}, counting the requests it has at once per endpoint. */
    private final class FakeClient extends WebhookClient {

        private final long millis;
        private final Queue<Long> sent = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final java.util.Map<Long, AtomicInteger> atOnce = new ConcurrentHashMap<>();
        private final AtomicInteger mostAtOnce = new AtomicInteger();

        FakeClient(long millis) {
            this.millis = millis;
        }

        @Override
        void send(Taken message, Consumer<Tried> answered) {
            sent.add(message.id());
            int now = atOnce.computeIfAbsent(message.endpoint(), e -> new AtomicInteger()).incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            receiver.schedule(() -> {
                atOnce.get(message.endpoint()).decrementAndGet();
                answered.accept(new Tried(message.id(), message.endpoint(), 204, null, null));
            }, millis, TimeUnit.MILLISECONDS);
        }
    }
}
