import java.io.IOException;
import java.io.PrintWriter;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contested claims against the cluster while a node is killed (bench/faults.sh): every lead of the
 * list is claimed by CONTENDERS reps of different partners at about the same moment, each claim sent
 * to the balancer or straight to one of the nodes in turn. When half the claims are sent, KILL (a
 * shell command) kills a node. Writes every answer as "lead partner target status" to the file given,
 * status 0 where no answer came (the node died under it). Plain JDK:
 * {@code java bench/ClaimFaults.java leads.txt reps.txt answers.txt}, reps.txt holding "user partner".
 */
public class ClaimFaults {

    static final String TOKEN_URL = "http://localhost:8180/realms/partner-portal/protocol/openid-connect/token";
    static final List<String> TARGETS = List.of("http://localhost:8080", "http://localhost:9080", "http://localhost:10080");
    static final int CONTENDERS = Integer.parseInt(System.getenv().getOrDefault("CONTENDERS", "4"));
    static final int THREADS = Integer.parseInt(System.getenv().getOrDefault("THREADS", "48"));
    static final String KILL = System.getenv("KILL");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    record Rep(String user, String partner) {
    }

    record Answer(long lead, String partner, String target, int status) {
    }

    /**
     * Tokens live five minutes: each rep's is fetched again after four, one at a time (Keycloak refused
     * most of several password grants for one user at the same moment).
     */
    static final Map<String, String[]> TOKENS = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        List<Long> leads = Files.readAllLines(Path.of(args[0])).stream().filter(l -> !l.isBlank()).map(Long::valueOf).toList();
        List<Rep> reps = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank())
                .map(l -> l.trim().split("\\s+")).map(w -> new Rep(w[0], w[1])).toList();
        Random random = new Random(42);
        List<Runnable> claims = new ArrayList<>();
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        int n = 0;
        for (long lead : leads) {
            List<Rep> contenders = new ArrayList<>(reps);
            Collections.shuffle(contenders, random);
            for (Rep rep : contenders.subList(0, CONTENDERS)) {
                String target = TARGETS.get(n++ % TARGETS.size());
                claims.add(() -> answers.add(new Answer(lead, rep.partner(), target, claim(rep, lead, target))));
            }
        }
        int total = claims.size();
        AtomicInteger started = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        for (Runnable claim : claims) {
            pool.execute(() -> {
                int sent = started.incrementAndGet();
                if (sent == total / 2 && KILL != null) {
                    System.out.printf("%d of %d claims sent: %s%n", sent, total, KILL);
                    run(KILL);
                }
                if (sent % 8000 == 0) {
                    System.out.printf("%d of %d claims sent%n", sent, total);
                }
                claim.run();
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Integer> byStatus = new TreeMap<>();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])))) {
            for (Answer a : answers) {
                out.printf("%d %s %s %d%n", a.lead(), a.partner(), a.target(), a.status());
                byStatus.merge(a.status() == 0 ? "no answer" : Integer.toString(a.status()), 1, Integer::sum);
            }
        }
        System.out.printf("%d claims of %d leads (%d contenders each) in %.0f s, %.0f claims/s; answers: %s%n",
                total, leads.size(), CONTENDERS, seconds, total / seconds, byStatus);
    }

    static int claim(Rep rep, long lead, String target) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(target + "/portal/api/leads/" + lead + "/claim"))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token(rep.user()))
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static synchronized String token(String user) throws IOException, InterruptedException {
        String[] held = TOKENS.get(user);
        if (held != null && Long.parseLong(held[1]) > System.currentTimeMillis()) {
            return held[0];
        }
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(TOKEN_URL))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=portal-cli&password=demo&username=" + user))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (!token.find()) {
            throw new IllegalStateException("no token for " + user + ": " + response.body());
        }
        TOKENS.put(user, new String[] {token.group(1), Long.toString(System.currentTimeMillis() + 240_000)});
        return token.group(1);
    }

    static void run(String command) {
        try {
            new ProcessBuilder("bash", "-c", command).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
