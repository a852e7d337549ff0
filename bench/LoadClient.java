import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's HTTP side, run by bench/run.sh with `java bench/LoadClient.java`:
 *   feed  CLIENTS SECONDS             marketplace pages 0..49 as north.rep, latency per request
 *   claim CLIENTS IDS_FILE SECONDS    claims of distinct leads by north.rep and north.admin (one partner)
 *   claim-partners PLAN_FILE SECONDS  one client per line "user id id ...": reps of many partners at once
 * Prints one line of results for the report.
 */
public class LoadClient {

    static final String PORTAL = "http://localhost:8080/portal/api";
    static final String TOKEN_URL = "http://localhost:8180/realms/partner-portal/protocol/openid-connect/token";
    static final int WARM_UP_SECONDS = 10;
    static final int WARM_UP_CLAIMS = 300;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "feed" -> feed(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "claim" -> claim(Integer.parseInt(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            case "claim-partners" -> claimPartners(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("feed or claim");
        }
    }

    static void feed(int clients, int seconds) throws Exception {
        String token = token("north.rep");
        // warm-up, not measured: the server has just started and its JIT has yet to compile the hot paths
        long warm = System.nanoTime() + Duration.ofSeconds(WARM_UP_SECONDS).toNanos();
        for (int page = 0; System.nanoTime() < warm; page = (page + 1) % 50) {
            get("/marketplace?size=20&page=" + page, token);
        }
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<long[]> perClient = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] latencies = new long[200_000];
            perClient.add(latencies);
            int seed = c;
            threads.add(start(() -> {
                int n = 0;
                java.util.Random random = new java.util.Random(seed);
                while (System.nanoTime() < end && n < latencies.length) {
                    long t0 = System.nanoTime();
                    int status = get("/marketplace?size=20&page=" + random.nextInt(50), token);
                    latencies[n++] = System.nanoTime() - t0;
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                }
                latencies[latencies.length - 1] = n;
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = perClient.stream().flatMapToLong(l -> Arrays.stream(l, 0, (int) l[l.length - 1])).sorted().toArray();
        System.out.printf("feed: %d requests in %d s with %d clients, %.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, errors %d%n",
                all.length, seconds, clients, all.length / (double) seconds, ms(all, 0.50), ms(all, 0.95), ms(all, 0.99),
                errors.get());
    }

    static void claim(int clients, Path idsFile, int seconds) throws Exception {
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>(Files.readAllLines(idsFile).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList());
        String[] tokens = {token("north.rep"), token("north.admin")};
        for (int i = 0; i < WARM_UP_CLAIMS && !ids.isEmpty(); i++) { // warm-up, not measured
            post("/leads/" + ids.poll() + "/claim", tokens[i % 2]);
        }
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            String token = tokens[c % tokens.length];
            start(() -> {
                String id;
                while (System.nanoTime() < end && (id = ids.poll()) != null) {
                    int status = post("/leads/" + id + "/claim", token);
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
                done.countDown();
            });
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        int ok = statuses.getOrDefault(200, new AtomicInteger()).get();
        System.out.printf("claim: %d claims won in %.1f s with %d clients, %.0f claims/s, statuses %s%n",
                ok, elapsed, clients, ok / elapsed, statuses);
    }

    static void claimPartners(Path plan, int seconds) throws Exception {
        List<String[]> lines = Files.readAllLines(plan).stream().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.split("\\s+")).toList();
        Map<String, Boolean> tried = new ConcurrentHashMap<>(); // a lead fitting two partners is tried once
        List<String> tokens = new ArrayList<>();
        for (String[] line : lines) {
            tokens.add(token(line[0]));
        }
        for (int i = 0; i < lines.size(); i++) { // warm-up, not measured: a few claims per rep
            for (int k = 1; k <= 20 && k < lines.get(i).length; k++) {
                if (tried.putIfAbsent(lines.get(i)[k], true) == null) {
                    post("/leads/" + lines.get(i)[k] + "/claim", tokens.get(i));
                }
            }
        }
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String[] line = lines.get(i);
            String token = tokens.get(i);
            start(() -> {
                for (int k = 21; k < line.length && System.nanoTime() < end; k++) {
                    if (tried.putIfAbsent(line[k], true) == null) {
                        int status = post("/leads/" + line[k] + "/claim", token);
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    }
                }
                done.countDown();
            });
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        int ok = statuses.getOrDefault(200, new AtomicInteger()).get();
        System.out.printf("claim: %d claims won in %.1f s by reps of %d partners, %.0f claims/s, statuses %s%n",
                ok, elapsed, lines.size(), ok / elapsed, statuses);
    }

    static double ms(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }

    static int get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(PORTAL + path)).GET(), token);
    }

    static int post(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(PORTAL + path)).POST(HttpRequest.BodyPublishers.noBody()), token);
    }

    static int send(HttpRequest.Builder request, String token) {
        try {
            return HTTP.send(request.header("Authorization", "Bearer " + token).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static String token(String user) throws Exception {
        String form = "grant_type=password&client_id=portal-cli&password=demo&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(TOKEN_URL))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no token for " + user + ": " + body);
        }
        return m.group(1);
    }

    /** Java 17 has no virtual threads: plain threads, few enough for two cores. */
    static Thread start(Runnable task) {
        Thread thread = new Thread(task);
        thread.start();
        return thread;
    }
}
