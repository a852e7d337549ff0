package com.partnerportal.it.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A webhook receiver on 127.0.0.1 for the tests: keeps what arrived (headers and body) and answers
 * with the statuses it is told, one per request, then 200.
 */
public final class Receiver implements AutoCloseable {

    /** One request as it arrived, and when. */
    public record Arrival(Map<String, String> headers, String body, long atMillis) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private volatile long delayMillis;

    private Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            arrivals.add(new Arrival(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    System.currentTimeMillis()));
            Integer status = answers.poll();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    public static Receiver start() {
        try {
            return new Receiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The next requests are answered with these statuses, in turn. */
    public void answer(Integer... statuses) {
        answers.addAll(List.of(statuses));
    }

    /** Answers each request only after this long, one at a time: a slow CRM. */
    public void slow(java.time.Duration delay) {
        delayMillis = delay.toMillis();
    }

    public List<Arrival> arrivals() {
        return new ArrayList<>(arrivals);
    }

    /** The arrivals that match, waiting up to {@code seconds} for at least {@code count} of them. */
    public List<Arrival> await(Predicate<Arrival> which, int count, int seconds) throws InterruptedException {
        for (long end = System.currentTimeMillis() + seconds * 1000L; ; Thread.sleep(100)) {
            List<Arrival> matching = arrivals.stream().filter(which).toList();
            if (matching.size() >= count || System.currentTimeMillis() > end) {
                return matching;
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
