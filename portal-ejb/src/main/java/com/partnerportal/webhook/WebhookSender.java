package com.partnerportal.webhook;

import com.partnerportal.platform.Drain;
import com.partnerportal.webhook.WebhookTakes.Taken;
import com.partnerportal.webhook.WebhookTakes.Tried;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox: right after a move committed (in the background, so the rep's request does not
 * wait for a partner's CRM) and every few seconds for what is due again ({@link WebhookWatch}). Each
 * message is taken in a committed transaction before it goes out, so two workers, on one node or two,
 * never send it at the same time: a new one as it is written, by the node that writes it ({@link Outbox}),
 * one to go again by the worker that sends it ({@link WebhookTakes}).
 *
 * <p>Up to {@link #IN_FLIGHT} requests are under way at once, at most {@link #PER_ENDPOINT} to one
 * endpoint: a slow or dead endpoint holds a few of them until its timeout, the others go on. The
 * worker's thread talks to the database once a {@link #TICK} while it is busy, in one transaction that
 * records the answers that came and takes the messages that wait, up to {@link #AHEAD} an endpoint: as
 * an answer comes, the endpoint's next taken message goes out at once. So the database sees a
 * transaction per tick however many webhooks go out, and a message waits at most a tick to be taken.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

    /** At most this many messages wait for an endpoint in the worker; the rest are found in the outbox later. */
    static final int BATCH = 500;

    /** Requests under way at once, in all. */
    static final int IN_FLIGHT = 32;

    /** Requests under way at once to one endpoint. */
    static final int PER_ENDPOINT = 8;

    /**
     * An endpoint's messages under way and taken, at most: what keeps its {@link #PER_ENDPOINT} requests
     * busy from one take to the next. A take comes every tick plus its transaction's time (60 ms, more
     * when the database is busy), so this bounds an endpoint's rate: with twice its share (16) it was
     * 200 a second at most, and a steady 100 leads a second (200 webhooks to each endpoint) fell behind
     * by 20 s. With 64 it is about a thousand. A node that dies leaves what it took to the others once
     * its hold ran out ({@link WebhookTakes#HOLD}); behind a slow endpoint, a message whose hold would run
     * out before its answer is not sent but left to be taken again ({@code Round.sendReady}).
     */
    static final int AHEAD = 64;

    /** How often a busy worker records and takes. */
    static final Duration TICK = Duration.ofMillis(50);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private WebhookTakes takes;

    @Inject
    private WebhookClient client;

    @Inject
    private Clock clock;

    /**
     * Sends the messages committed on this node ({@link WebhookTrigger}), those that commit while
     * these are under way included, until nothing more is asked for.
     */
    @Asynchronous
    public void drain(Drain drain, Queue<Outbox.Due> committed) {
        drain.run(() -> new Round(committed).deliver());
    }

    /**
     * Sends what the outbox holds due now: retries, and what a restart or a dead worker left once its
     * hold ran out (a new message is its writer's, {@link Outbox}); how many were delivered.
     */
    public int deliverDue() {
        Instant now = clock.instant();
        Queue<Outbox.Due> due = new ArrayDeque<>();
        for (Object[] message : em.createQuery("""
                        select m.id, m.endpointId from WebhookMessage m
                        where (m.state = :pending and m.nextAttemptAt <= :now)
                           or (m.state = :sending and m.takenUntil < :now)
                        order by m.id""", Object[].class)
                .setParameter("pending", WebhookMessage.State.PENDING).setParameter("sending", WebhookMessage.State.SENDING)
                .setParameter("now", now)
                .setMaxResults(BATCH).getResultList()) {
            due.add(new Outbox.Due((Long) message[0], (Long) message[1]));
        }
        return new Round(due).deliver();
    }

    /** One run of the worker: the messages it knows of, those it took and has not sent yet, those under way. */
    private final class Round {

        private final Queue<Outbox.Due> more;
        private final Map<Long, ArrayDeque<Long>> waiting = new LinkedHashMap<>(); // per endpoint, oldest first
        private final Map<Long, ArrayDeque<Taken>> ready = new HashMap<>(); // taken, not sent yet
        private final Map<Long, Integer> underWay = new HashMap<>();
        private final BlockingQueue<Tried> answered = new LinkedBlockingQueue<>();
        private final List<Tried> tries = new ArrayList<>(); // answers not recorded yet
        private int inFlight;
        private int readyCount;
        private int delivered;

        Round(Queue<Outbox.Due> more) {
            this.more = more;
        }

        int deliver() {
            long tick = System.nanoTime(); // the first at once
            while (true) {
                long wait = tick - System.nanoTime();
                for (Tried tried = wait > 0 ? next(wait) : answered.poll(); tried != null; tried = answered.poll()) {
                    answer(tried);
                }
                if (System.nanoTime() - tick < 0) {
                    continue;
                }
                for (Outbox.Due due = more.poll(); due != null; due = more.poll()) {
                    if (due.taken() != null) { // written taken: it goes out without asking the outbox
                        ArrayDeque<Taken> queue = ready.computeIfAbsent(due.endpoint(), e -> new ArrayDeque<>());
                        if (queue.size() < BATCH) {
                            queue.add(due.taken());
                            readyCount++;
                        } // else its hold runs out and it is taken again
                        continue;
                    }
                    ArrayDeque<Long> queue = waiting.computeIfAbsent(due.endpoint(), e -> new ArrayDeque<>());
                    if (queue.size() < BATCH) {
                        queue.add(due.id());
                    }
                }
                List<Long> wanted = wanted();
                if (tries.isEmpty() && wanted.isEmpty() && inFlight == 0 && readyCount == 0) {
                    return delivered;
                }
                for (Taken taken : recordAndTake(wanted)) {
                    ready.computeIfAbsent(taken.endpoint(), e -> new ArrayDeque<>()).add(taken);
                    readyCount++;
                }
                ready.keySet().forEach(this::sendReady);
                tick = System.nanoTime() + TICK.toNanos();
            }
        }

        /** An answer came: to be recorded at the next tick; the endpoint's next taken message goes out. */
        private void answer(Tried tried) {
            tries.add(tried);
            inFlight--;
            underWay.merge(tried.endpoint(), -1, Integer::sum);
            delivered += tried.delivered() ? 1 : 0;
            sendReady(tried.endpoint());
        }

        /**
         * Sends the endpoint's taken messages while it and the worker have room. A message that waited so
         * long behind a slow endpoint that its hold would run out before the answer is left: once the
         * hold ran out it is taken again, here or by another worker, and goes once.
         */
        private void sendReady(long endpoint) {
            ArrayDeque<Taken> queue = ready.getOrDefault(endpoint, new ArrayDeque<>());
            while (!queue.isEmpty() && inFlight < IN_FLIGHT && underWay.getOrDefault(endpoint, 0) < PER_ENDPOINT) {
                readyCount--;
                if (clock.instant().isAfter(queue.peek().sendBy())) {
                    queue.poll();
                    continue;
                }
                inFlight++;
                underWay.merge(endpoint, 1, Integer::sum);
                client.send(queue.poll(), answered::add);
            }
        }

        /** Of the waiting messages, as many as each endpoint has room for: under way and taken, {@link #AHEAD}. */
        private List<Long> wanted() {
            List<Long> wanted = new ArrayList<>();
            waiting.entrySet().removeIf(endpoint -> {
                int room = AHEAD - underWay.getOrDefault(endpoint.getKey(), 0)
                        - ready.getOrDefault(endpoint.getKey(), new ArrayDeque<>()).size();
                for (; room > 0 && !endpoint.getValue().isEmpty(); room--) {
                    wanted.add(endpoint.getValue().poll());
                }
                return endpoint.getValue().isEmpty();
            });
            return wanted;
        }

        /**
         * Records the answers and takes the wanted messages, in one commit. If that fails, the answers
         * one by one, so one bad row does not keep the others; the wanted are left for later.
         */
        private List<Taken> recordAndTake(List<Long> wanted) {
            if (tries.isEmpty() && wanted.isEmpty()) {
                return List.of();
            }
            List<Tried> these = List.copyOf(tries);
            tries.clear();
            try {
                return takes.recordAndTake(these, wanted, clock.instant());
            } catch (EJBException e) {
                LOG.log(Level.WARNING, "Webhook answers not recorded together, messages " + wanted + " not taken this round", e);
                for (Tried tried : these) {
                    try {
                        takes.recordAndTake(List.of(tried), List.of(), clock.instant());
                    } catch (EJBException again) {
                        LOG.log(Level.WARNING, "Webhook message " + tried.id() + " not recorded; its hold runs out and it goes again", again);
                    }
                }
                return List.of();
            }
        }

        /** The next answer within {@code nanos}, or null; an interrupt ends the round (its holds run out, the messages go again). */
        private Tried next(long nanos) {
            try {
                return answered.poll(nanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while webhooks were under way; their hold runs out and they go again", e);
            }
        }
    }
}
