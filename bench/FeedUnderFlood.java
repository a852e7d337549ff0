import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One API client floods the portal while reps read the marketplace (bench/faults.sh): first the reps
 * alone, then the reps while the client asks for a catalogue (FLOOD_PATH) as fast as FLOODERS threads
 * can; the reps' p95 of both rounds and their ratio, and what the client got. Each rep reads a page
 * every 100 ms (within the rate limit), through the balancer. Plain JDK:
 * {@code java bench/FeedUnderFlood.java reps.txt clientId clientSecret}, reps.txt holding "user partner".
 */
public class FeedUnderFlood {

    static final String PORTAL = "http://localhost:8080/portal/api";
    static final String TOKEN_URL = "http://localhost:8180/realms/partner-portal/protocol/openid-connect/token";
    static final int SECONDS = Integer.parseInt(System.getenv().getOrDefault("SECONDS_EACH", "20"));
    static final int FLOODERS = Integer.parseInt(System.getenv().getOrDefault("FLOODERS", "16"));
    static final String FLOOD_PATH = System.getenv().getOrDefault("FLOOD_PATH", "/reference/products");
    static final String READ_PATH = "/marketplace?size=20";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newCachedThreadPool()).build();
    static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        List<String> reps = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.isBlank()) {
                reps.add(token("grant_type=password&client_id=portal-cli&password=demo&username=" + line.trim().split("\\s+")[0]));
            }
        }
        String client = token("grant_type=client_credentials&client_id=" + args[1] + "&client_secret=" + args[2]);

        List<Long> alone = read(reps, null);
        Map<Integer, Integer> flood = new ConcurrentHashMap<>();
        List<Long> flooded = read(reps, () -> {
            int status = get(client, FLOOD_PATH);
            flood.merge(status, 1, Integer::sum);
        });
        long p95Alone = p95(alone);
        long p95Flooded = p95(flooded);
        System.out.printf("reps' marketplace p95 alone %.1f ms (%d reads), while the client floods %.1f ms (%d reads): ratio %.2f%n",
                p95Alone / 1e6, alone.size(), p95Flooded / 1e6, flooded.size(), (double) p95Flooded / p95Alone);
        System.out.printf("the flooding client's answers: %s%n", new TreeMap<>(flood));
        System.out.printf("RATIO %.2f%n", (double) p95Flooded / p95Alone);
    }

    /** Every rep reads a page every 100 ms for SECONDS, with the flood beside it if given; the reads' nanoseconds. */
    static List<Long> read(List<String> reps, Runnable flood) throws Exception {
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(reps.size() + (flood == null ? 0 : FLOODERS));
        if (flood != null) {
            for (int i = 0; i < FLOODERS; i++) {
                pool.execute(() -> {
                    while (System.nanoTime() < end) {
                        flood.run();
                    }
                });
            }
        }
        Random random = new Random();
        for (String rep : reps) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    int status = get(rep, READ_PATH);
                    long took = System.nanoTime() - start;
                    times.add(status == 200 ? took : Long.MAX_VALUE); // a refused read counts as the slowest
                    sleep(Math.max(0, 100 - took / 1_000_000) + random.nextInt(5));
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(SECONDS + 60, TimeUnit.SECONDS);
        return times;
    }

    static int get(String token, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(PORTAL + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    static long p95(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
    }

    static String token(String form) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(TOKEN_URL))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (!token.find()) {
            throw new IllegalStateException("no token: " + response.body());
        }
        return token.group(1);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
