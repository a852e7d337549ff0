package com.partnerportal.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.webhook.WebhookTakes.Taken;
import com.partnerportal.webhook.WebhookTakes.Tried;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook requests against a real HTTP server on this machine: what arrives, and what comes of a
 * redirect, a 429, a receiver that never finishes its answer and a destination on a private address.
 */
class WebhookClientTest {

    private final Queue<HttpExchange> arrived = new ConcurrentLinkedQueue<>();
    private final Queue<String> bodies = new ConcurrentLinkedQueue<>();
    private HttpServer receiver;
    private WebhookClient client;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("portal.webhooks.private-destinations", "true"); // the receiver is on 127.0.0.1
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/ok", exchange -> answer(exchange, 204, null));
        receiver.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/elsewhere");
            answer(exchange, 302, null);
        });
        receiver.createContext("/elsewhere", exchange -> answer(exchange, 204, null));
        receiver.createContext("/busy", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "7");
            answer(exchange, 429, null);
        });
        receiver.createContext("/trickle", exchange -> {
            note(exchange);
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 50; i++) { // a byte every 200 ms: never idle long enough for the read timeout
                    out.write('.');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (InterruptedException | IOException e) {
                // cut off
            }
        });
        receiver.start();
        client = new WebhookClient();
        set("threads", new Threads());
        client.start();
    }

    @AfterEach
    void stop() {
        client.stop();
        receiver.stop(0);
        System.clearProperty("portal.webhooks.private-destinations");
    }

    private void note(HttpExchange exchange) throws IOException {
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        arrived.add(exchange);
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        note(exchange);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private Tried send(String path) throws Exception {
        Taken message = new Taken(1, 2, "http://127.0.0.1:" + receiver.getAddress().getPort() + path, "msg_1", 1765000000,
                "{\"type\":\"lead.claimed\",\"data\":{\"lead\":{\"id\":7}}}", "v1,c2lnbmVk", Instant.now().plusSeconds(40));
        CompletableFuture<Tried> answer = new CompletableFuture<>();
        client.send(message, answer::complete);
        return answer.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aMessageArrivesWithItsSignatureHeadersAndBody() throws Exception {
        for (int i = 0; i < 3; i++) { // the connection kept alive between messages
            Tried tried = send("/ok");
            assertEquals(204, tried.status());
            assertTrue(tried.delivered());
            assertNull(tried.error());
        }
        HttpExchange first = arrived.peek();
        assertEquals("POST", first.getRequestMethod());
        assertEquals("msg_1", first.getRequestHeaders().getFirst("webhook-id"));
        assertEquals("1765000000", first.getRequestHeaders().getFirst("webhook-timestamp"));
        assertEquals("v1,c2lnbmVk", first.getRequestHeaders().getFirst("webhook-signature"));
        assertTrue(first.getRequestHeaders().getFirst("Content-Type").startsWith("application/json"));
        assertEquals("PartnerPortal-Webhooks/1", first.getRequestHeaders().getFirst("User-Agent"));
        assertEquals("{\"type\":\"lead.claimed\",\"data\":{\"lead\":{\"id\":7}}}", bodies.peek());
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        Tried tried = send("/moved");
        assertEquals(302, tried.status());
        assertEquals("HTTP 302", tried.error());
        Thread.sleep(200);
        assertEquals(List.of("/moved"), arrived.stream().map(e -> e.getRequestURI().getPath()).toList(), "nothing went to /elsewhere");
    }

    @Test
    void aReceiverThatAsksToWaitSaysHowLong() throws Exception {
        Tried tried = send("/busy");
        assertEquals(429, tried.status());
        assertEquals(Duration.ofSeconds(7), tried.retryAfter());
    }

    @Test
    void aReceiverThatNeverFinishesItsAnswerIsCutOff() throws Exception {
        set("wholeAnswer", Duration.ofSeconds(1));
        long started = System.nanoTime();
        Tried tried = send("/trickle");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertNull(tried.status(), tried::toString);
        assertEquals("no whole answer within 1 s", tried.error());
        assertTrue(millis < 5_000, "cut off after the whole answer's time, not the trickle's 10 s: " + millis + " ms");
    }

    @Test
    void aPrivateAddressIsRefusedWhenTheRequestConnects() throws Exception {
        System.setProperty("portal.webhooks.private-destinations", "false");
        Tried tried = send("/ok");
        assertNull(tried.status());
        assertTrue(tried.error().contains("private address"), tried.error());
        assertTrue(arrived.isEmpty(), "nothing reached the receiver");
    }

    private void set(String field, Object value) throws Exception {
        var f = WebhookClient.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(client, value);
    }

    /** The server's managed threads, as plain ones. */
    private static final class Threads implements ManagedThreadFactory {

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task);
            thread.setDaemon(true);
            return thread;
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            return ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        }
    }
}
