import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The webhooks' cost and speed (issue 14), run by bench/webhooks.sh against the portal it started.
 * A local receiver answers every webhook in 5 ms and notes when each arrived. Measured in one run:
 * the most claims a second without webhook endpoints and with two (the manufacturer's, all events,
 * and the claiming partner's), twice each in turn, with what each claim cost WildFly, PostgreSQL and the
 * bench in CPU (from the first claim until the claims' webhooks had arrived); then leads published and claimed at a steady
 * rate with both endpoints on, and how long from the publish (and the claim) to the webhook's arrival.
 * Plain JDK, no dependencies: {@code java bench/WebhookBench.java}; {@code ... steady} runs only the
 * steady rate (BENCH_RATE, BENCH_SECONDS), {@code ... claims} only a round of claims with both
 * endpoints, for a profile of the server.
 */
public class WebhookBench {

    static final String API = "http://localhost:8080/portal/api";
    static final String TOKEN_URL = "http://localhost:8180/realms/partner-portal/protocol/openid-connect/token";
    static final int RECEIVER_PORT = 8099;
    static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newCachedThreadPool()).build();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([a-z._]+)\"");
    static final Pattern LEAD = Pattern.compile("\"lead\"\\s*:\\s*\\{.*?\"id\"\\s*:\\s*(\\d+)"); // no object before it has an id

    static final int RATE = Integer.parseInt(System.getenv().getOrDefault("BENCH_RATE", "100"));
    static final int SECONDS = Integer.parseInt(System.getenv().getOrDefault("BENCH_SECONDS", "30"));
    /**
     * Leads per round of claims as fast as they go. 2,000 (10 s a round) measured mostly how quickly the JIT
     * compiler caught up after each switch between with and without webhooks: the first round with them
     * was the slowest of a run every time (121 against 169 claims/s, 116 against 153, 239 against 352), and
     * the compiler threads took a quarter of WildFly's CPU in a profile of such a round. With 5,000 (25 s
     * a round, 2026-12-07) it weighs less, though the first round with webhooks is still the slower (203
     * against 290).
     */
    static final int POOL = Integer.parseInt(System.getenv().getOrDefault("BENCH_POOL", "5000"));
    static final int CLIENTS = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLAIM_CLIENTS", "16"));

    /** One webhook as it arrived: which endpoint, which event of which lead, when (ms since the epoch). */
    record Arrival(String endpoint, String type, long lead, long at, String webhookId) {
    }

    static final Queue<Arrival> ARRIVED = new ConcurrentLinkedQueue<>();
    static volatile long answerMillis = 5;
    /** When the last claim of {@link #maxClaims} was answered (ms since the epoch). */
    static volatile long claimsEnded;
    static String manager;
    static String[] reps;

    public static void main(String[] args) throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", RECEIVER_PORT), 256);
        // a CRM that answers in 5 ms: the answer is scheduled, not waited for by a sleeping thread, so the receiver
        // (which shares the machine's cores with the portal) costs as little as it can per webhook
        ScheduledExecutorService answers = Executors.newScheduledThreadPool(2);
        receiver.setExecutor(null); // the handler runs on the server's own thread: it only reads the body
        receiver.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            long at = System.currentTimeMillis();
            Matcher type = TYPE.matcher(body);
            Matcher lead = LEAD.matcher(body);
            ARRIVED.add(new Arrival(exchange.getRequestURI().getPath(), type.find() ? type.group(1) : "?",
                    lead.find() ? Long.parseLong(lead.group(1)) : -1, at, exchange.getRequestHeaders().getFirst("webhook-id")));
            answers.schedule(() -> {
                try {
                    exchange.sendResponseHeaders(204, -1);
                } catch (IOException e) {
                    // the portal gave up on this request: it tries again
                }
                exchange.close();
            }, answerMillis, TimeUnit.MILLISECONDS);
        });
        receiver.start();
        int status = 0;
        try {
            if (args.length > 0 && args[0].equals("backlog")) {
                backlog(java.nio.file.Path.of(args[1]));
            } else if (args.length > 0 && args[0].equals("steady")) { // for a profile: leads at the steady rate only, with both endpoints
                logIn();
                register();
                steady(RATE, SECONDS);
            } else if (args.length > 0 && args[0].equals("claims")) { // for a profile: claims as fast as they go, with both endpoints
                logIn();
                register();
                System.out.printf("claims as fast as they go, %d clients, with 2 webhook endpoints: %.0f claims/s%n", CLIENTS, maxClaims(CLIENTS, 2));
                System.out.println("   " + lastCpu);
            } else {
                run();
            }
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        } finally {
            receiver.stop(0);
        }
        System.exit(status); // the HTTP client's threads would keep the JVM
    }

    static void run() throws Exception {
        logIn();
        System.out.println("warm-up, not measured: 20 s of publishing and claiming, and a round of claims as fast as they go with both"
                + " endpoints and one without (after a single round WildFly's CPU per claim still halved over the next four)");
        List<Long> warming = register();
        steady(RATE, 20);
        maxClaims(CLIENTS, 2);
        awaitQuiet();
        unregister(warming);
        maxClaims(CLIENTS, 0);
        ARRIVED.clear();

        // without, with, with, without: a drift of the machine over the four runs weighs on both alike
        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        List<Double> portalWithout = new ArrayList<>();
        List<Double> portalWith = new ArrayList<>();
        List<Long> endpoints;
        for (boolean hooks : new boolean[] {false, true, true, false}) {
            endpoints = hooks ? register() : List.of();
            double rate = maxClaims(CLIENTS, hooks ? 2 : 0);
            (hooks ? with : without).add(rate);
            (hooks ? portalWith : portalWithout).add(lastPortalMillis);
            System.out.printf("claims as fast as they go, %d clients, %s: %.0f claims/s%n", CLIENTS,
                    hooks ? "with 2 webhook endpoints" : "without webhooks", rate);
            System.out.println("   " + lastCpu);
            if (hooks) {
                awaitQuiet();
                long last = ARRIVED.stream().filter(a -> a.type().equals("lead.claimed")).mapToLong(Arrival::at).max().orElse(claimsEnded);
                ARRIVED.clear();
                if (lastMissing > 0) { // the throughput above would not be the cost of webhooks
                    System.out.printf("   %d of their webhooks had not arrived a minute after the last claim's answer%n", lastMissing);
                } else {
                    System.out.printf("   their webhooks had all arrived %.1f s after the last claim's answer%n", Math.max(0, last - claimsEnded) / 1000.0);
                }
                unregister(endpoints);
            }
        }
        double off = (without.get(0) + without.get(1)) / 2;
        double on = (with.get(0) + with.get(1)) / 2;
        System.out.printf("claim throughput with webhooks / without (mean of two each): %.0f / %.0f = %.2f%n", on, off, on / off);
        double cpuOff = (portalWithout.get(0) + portalWithout.get(1)) / 2;
        double cpuOn = (portalWith.get(0) + portalWith.get(1)) / 2;
        System.out.printf("the portal's CPU per claim (WildFly and PostgreSQL) without / with webhooks: %.2f / %.2f ms = %.2f%n", cpuOff, cpuOn, cpuOff / cpuOn);

        endpoints = register();
        ARRIVED.clear();
        System.out.printf("%n%d leads a second published and claimed for %d s, both endpoints on (the receiver answers in 5 ms):%n", RATE, SECONDS);
        List<Lead> leads = steady(RATE, SECONDS);
        long expected = leads.stream().filter(l -> l.claimStatus == 200).count() * 4L; // offered and claimed, to both
        long deadline = System.currentTimeMillis() + 120_000;
        while (ARRIVED.size() < expected && System.currentTimeMillis() < deadline) {
            sleep(200);
        }
        report(leads, expected);
        unregister(endpoints);
    }

    /**
     * The restart test's side: a CRM slow enough (200 ms) that a backlog builds while leads are published
     * and claimed; then tells the script (file {@code published}) to kill WildFly, waits for it to say
     * the portal is back ({@code restarted}) and then that the outbox is empty ({@code delivered}), and writes every webhook-id that arrived, once per
     * arrival, to {@code arrived.txt} for the script to hold against the outbox.
     */
    static void backlog(java.nio.file.Path dir) throws Exception {
        answerMillis = 200;
        logIn();
        register();
        ExecutorService workers = Executors.newFixedThreadPool(16);
        AtomicInteger n = new AtomicInteger();
        AtomicInteger claimed = new AtomicInteger();
        for (int i = 0; i < POOL; i++) {
            workers.submit(() -> {
                long id = created();
                post("/leads/" + id + "/publish", manager, "");
                if (post("/leads/" + id + "/claim", reps[n.getAndIncrement() % reps.length], "").statusCode() == 200) {
                    claimed.incrementAndGet();
                }
                return null;
            });
        }
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.MINUTES);
        if (claimed.get() < POOL) {
            throw new IllegalStateException("only " + claimed + " of " + POOL + " leads were claimed: no backlog to test");
        }
        System.out.printf("   %d leads published and claimed; %d webhooks arrived so far, the rest waits in the outbox%n", POOL, ARRIVED.size());
        java.nio.file.Files.writeString(dir.resolve("published"), "");
        while (!java.nio.file.Files.exists(dir.resolve("restarted"))) {
            sleep(200);
        }
        answerMillis = 5;
        while (!java.nio.file.Files.exists(dir.resolve("delivered"))) { // the script watches the outbox empty itself
            sleep(200);
        }
        awaitQuiet();
        List<String> ids = ARRIVED.stream().map(Arrival::webhookId).toList();
        java.nio.file.Files.write(dir.resolve("arrived.txt"), ids);
        System.out.printf("   after the restart: %d webhooks arrived in all, %d distinct%n", ids.size(), ids.stream().distinct().count());
    }

    /** A lead of the bench: when its publish started and took, when its claim started and what it answered. */
    static final class Lead {
        long id;
        long publishStart;
        long publishMillis;
        long claimStart;
        int claimStatus;
    }

    /**
     * {@code rate} leads a second for {@code seconds}, each published and then claimed by a rep of
     * nordlicht. The leads are created before the clock starts: the intake's speed is the import
     * bench's subject, this one times what follows the publish.
     */
    static List<Lead> steady(int rate, int seconds) throws Exception {
        Queue<Long> pool = created(rate * seconds);
        logIn();
        List<Lead> leads = Collections.synchronizedList(new ArrayList<>());
        ExecutorService workers = Executors.newFixedThreadPool(64);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger n = new AtomicInteger();
        long started = System.nanoTime();
        clock.scheduleAtFixedRate(() -> workers.submit(() -> {
            Long id = pool.poll();
            if (id == null) {
                return;
            }
            Lead lead = new Lead();
            try {
                lead.id = id;
                lead.publishStart = System.currentTimeMillis();
                post("/leads/" + lead.id + "/publish", manager, "");
                lead.publishMillis = System.currentTimeMillis() - lead.publishStart;
                lead.claimStart = System.currentTimeMillis();
                lead.claimStatus = post("/leads/" + lead.id + "/claim", reps[n.getAndIncrement() % reps.length], "").statusCode();
                leads.add(lead);
            } catch (Exception e) {
                System.err.println("lead failed: " + e);
            }
        }), 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        sleep(seconds * 1000L);
        clock.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(2, TimeUnit.MINUTES);
        double took = (System.nanoTime() - started) / 1e9;
        long claimed = leads.stream().filter(l -> l.claimStatus == 200).count();
        System.out.printf("   %d leads published and %d claimed in %.1f s: %.1f claims/s%n", leads.size(), claimed, took, claimed / took);
        return leads;
    }

    /** {@code count} new leads, created by 8 clients side by side; their ids. */
    static Queue<Long> created(int count) throws Exception {
        logIn();
        Queue<Long> pool = new ConcurrentLinkedQueue<>();
        ExecutorService creators = Executors.newFixedThreadPool(8);
        for (int i = 0; i < count; i++) {
            creators.submit(() -> pool.add(created()));
        }
        creators.shutdown();
        creators.awaitTermination(10, TimeUnit.MINUTES);
        return pool;
    }

    /** Publishes a pool of leads, then claims them with {@code clients} clients as fast as they answer; claims a second. */
    static double maxClaims(int clients, int webhooksPerClaim) throws Exception {
        logIn();
        Queue<Long> pool = new ConcurrentLinkedQueue<>();
        ExecutorService publishers = Executors.newFixedThreadPool(8);
        for (int i = 0; i < POOL; i++) {
            publishers.submit(() -> {
                long id = created();
                post("/leads/" + id + "/publish", manager, "");
                pool.add(id);
                return null;
            });
        }
        publishers.shutdown();
        publishers.awaitTermination(10, TimeUnit.MINUTES);
        awaitQuiet(); // the offers' webhooks are out before the claims are timed
        AtomicInteger won = new AtomicInteger();
        ExecutorService claimers = Executors.newFixedThreadPool(clients);
        int arrivedBefore = ARRIVED.size();
        Cpu cpu = Cpu.now();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            String token = reps[c % reps.length];
            claimers.submit(() -> {
                for (Long id = pool.poll(); id != null; id = pool.poll()) {
                    if (post("/leads/" + id + "/claim", token, "").statusCode() == 200) {
                        won.incrementAndGet();
                    }
                }
                return null;
            });
        }
        claimers.shutdown();
        claimers.awaitTermination(10, TimeUnit.MINUTES);
        claimsEnded = System.currentTimeMillis();
        double rate = won.get() / ((System.nanoTime() - started) / 1e9);
        long deadline = System.currentTimeMillis() + 60_000; // with endpoints: the claims' two webhooks each arrived
        while (ARRIVED.size() < arrivedBefore + webhooksPerClaim * won.get() && System.currentTimeMillis() < deadline) {
            sleep(20);
        }
        lastMissing = Math.max(0, arrivedBefore + webhooksPerClaim * won.get() - ARRIVED.size());
        Cpu after = Cpu.now();
        lastCpu = after.perClaim(cpu, won.get());
        lastPortalMillis = (after.wildfly - cpu.wildfly + after.postgres - cpu.postgres) / 1e6 / won.get();
        return rate;
    }

    /** How many of the last {@link #maxClaims}' webhooks had not arrived a minute after its last claim. */
    static int lastMissing;

    /** What the last {@link #maxClaims} cost in CPU per claim, from its first claim until its claims' webhooks had arrived. */
    static String lastCpu = "";

    /** The same for WildFly and PostgreSQL together, in ms per claim. */
    static double lastPortalMillis;

    /**
     * CPU time so far of WildFly, of PostgreSQL (all its processes) and of this bench (its clients and the
     * receiver): the machine's cores are shared, so a claim's cost shows here even where the throughput
     * of a run is noisy.
     */
    record Cpu(long wildfly, long postgres, long bench) {

        static Cpu now() {
            long wildfly = 0, postgres = 0;
            for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
                String command = p.info().commandLine().orElse("");
                long nanos = p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
                if (command.contains("org.jboss.as.standalone") || command.contains("jboss-modules.jar") && command.contains("Standalone")) {
                    wildfly += nanos;
                } else if (p.info().command().orElse("").endsWith("/postgres")) {
                    postgres += nanos;
                }
            }
            return new Cpu(wildfly, postgres, ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L));
        }

        String perClaim(Cpu before, long claims) {
            return String.format("CPU per claim: WildFly %.2f ms, PostgreSQL %.2f ms, the bench (clients and receiver) %.2f ms",
                    (wildfly - before.wildfly) / 1e6 / claims, (postgres - before.postgres) / 1e6 / claims, (bench - before.bench) / 1e6 / claims);
        }
    }

    /** Waits until no webhook arrived for two seconds. */
    static void awaitQuiet() {
        for (int seen = -1; seen != ARRIVED.size(); ) {
            seen = ARRIVED.size();
            sleep(2000);
        }
    }

    static void report(List<Lead> leads, long expected) {
        Map<Long, Lead> byId = new ConcurrentHashMap<>();
        leads.forEach(l -> byId.put(l.id, l));
        List<Arrival> arrivals = new ArrayList<>(ARRIVED);
        long distinct = arrivals.stream().map(Arrival::webhookId).distinct().count();
        System.out.printf("   webhooks: %d expected, %d arrived by two minutes after the last claim, %d twice%n", expected, arrivals.size(), arrivals.size() - distinct);
        for (String endpoint : List.of("/manufacturer", "/nordlicht")) {
            for (String type : List.of("lead.offered", "lead.claimed")) {
                List<Long> delays = new ArrayList<>();
                for (Arrival a : arrivals) {
                    Lead lead = byId.get(a.lead());
                    if (lead != null && a.endpoint().equals(endpoint) && a.type().equals(type)) {
                        delays.add(a.at() - (type.equals("lead.offered") ? lead.publishStart : lead.claimStart));
                    }
                }
                System.out.printf("   %-13s to %-13s from the %s's start to arrival: %s%n", type, endpoint,
                        type.equals("lead.offered") ? "publish" : "claim", percentiles(delays));
            }
        }
        List<Long> publish = leads.stream().map(l -> l.publishMillis).toList();
        System.out.printf("   publish requests (the in-app notification is committed with the publish): %s%n", percentiles(publish));
    }

    static String percentiles(List<Long> values) {
        if (values.isEmpty()) {
            return "none";
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format("%d, p50 %d ms, p95 %d ms, p99 %d ms, max %d ms", sorted.size(), at(sorted, 0.50), at(sorted, 0.95),
                at(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    static long at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size())));
    }

    static List<Long> register() throws Exception {
        String events = "[\"lead.offered\", \"lead.claimed\", \"lead.stage_changed\", \"lead.recalled\", \"lead.withdrawn\", \"lead.closed\"]";
        List<Long> ids = new ArrayList<>();
        for (String[] owner : List.of(new String[] {manager, "/manufacturer"}, new String[] {token("north.admin"), "/nordlicht"})) {
            HttpResponse<String> made = post("/webhooks", owner[0], "{\"url\": \"http://127.0.0.1:" + RECEIVER_PORT + owner[1]
                    + "\", \"events\": " + events + "}");
            if (made.statusCode() != 201) {
                throw new IllegalStateException("endpoint not registered: " + made.statusCode() + " " + made.body());
            }
            ids.add(id(made.body()));
        }
        return ids;
    }

    static void unregister(List<Long> endpoints) throws Exception {
        String admin = token("north.admin");
        send(HttpRequest.newBuilder(URI.create(API + "/webhooks/" + endpoints.get(0))).DELETE(), manager);
        send(HttpRequest.newBuilder(URI.create(API + "/webhooks/" + endpoints.get(1))).DELETE(), admin);
    }

    /** Fresh tokens (they live five minutes). */
    static void logIn() throws Exception {
        manager = token("channel.manager");
        reps = new String[] {token("north.rep"), token("north.admin")};
    }

    /** Counts the bench's leads; started from the clock (a hundred a second) so that a later run's leads are not duplicates of this one's. */
    static final AtomicInteger LEADS = new AtomicInteger((int) (System.currentTimeMillis() / 10 % 100_000_000));

    /** A new lead of its own company (the intake holds a second lead of the same company, mail or phone as a duplicate). */
    static long created() throws Exception {
        int n = LEADS.incrementAndGet();
        StringBuilder word = new StringBuilder(); // six letters of their own, so that names differ from the start
        for (long k = (n * 2_654_435_761L) % 308_915_776L, i = 0; i < 6; i++, k /= 26) {
            word.append((char) ('a' + k % 26));
        }
        String name = Character.toUpperCase(word.charAt(0)) + word.substring(1);
        String json = """
                {"source": "bench-webhooks", "externalId": "%s", "campaign": "bench",
                 "company": {"name": "%s Maschinenbau GmbH", "sizeClass": "MEDIUM", "industry": "Manufacturing",
                             "country": "DE", "region": "DE-HH"},
                 "contact": {"firstName": "Erika", "lastName": "Muster", "email": "erika.muster@%s-%d.de",
                             "phone": "+49 40 %07d", "street": "Hafenstr. 7", "postalCode": "20457", "city": "Hamburg"},
                 "product": "SWITCH-CAMPUS", "requiredCertification": "NETWORK-PRO",
                 "estimatedRevenue": {"amount": "12500.00", "currency": "EUR"}, "score": 80,
                 "buyingSignals": "asked for a quote twice",
                 "handover": {"reason": "budget approved, needs a local installer", "prospectAsked": "on-site demo",
                              "promised": "call within two days", "nextStep": "book the demo"}}
                """.formatted(UUID.randomUUID(), name, word, n, n % 10_000_000);
        HttpResponse<String> created = post("/leads", manager, json);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("lead not created: " + created.statusCode() + " " + created.body());
        }
        return id(created.body());
    }

    static long id(String json) {
        Matcher id = ID.matcher(json);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return Long.parseLong(id.group(1));
    }

    static HttpResponse<String> post(String path, String token, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(API + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    static HttpResponse<String> send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        return HTTP.send(request.header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String token(String user) throws Exception {
        String form = "grant_type=password&client_id=portal-cli&password=demo&username=" + user;
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(TOKEN_URL)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        if (!token.find()) {
            throw new IllegalStateException("no token for " + user + ": " + body);
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
