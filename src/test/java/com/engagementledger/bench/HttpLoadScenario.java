package com.engagementledger.bench;

import com.engagementledger.support.PreparedStore;
import com.engagementledger.support.RunningLedger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * P4 of DESIGN.md §6: HTTP at a fixed rate (100 requests/s), mixed reads and commands as the four roles send them;
 * reads p99 ≤ 50 ms, commands p99 ≤ 100 ms, command → read model lag p99 ≤ 250 ms.
 *
 * <p>One application is started (real HTTP on its port, the benchmark users, the test clock) and seeded over HTTP:
 * {@code bench.engagements} (300) engagements, monthly and hourly, one or two seats, most of them active; weeks of
 * timesheets of the hourly ones, two months of invoices drafted and issued (so IP transfers open), half of the first
 * month's paid. Then the clock stands still on one day and the load runs.
 *
 * <p>Load: open loop. A scheduler thread sends request i at its intended time {@code start + i / rate} by handing it
 * to a pool of {@value #SENDERS} sender threads sharing one HTTP/1.1 client (so as many keep-alive connections as
 * requests are in flight); each latency runs from the <em>intended</em> send time to the last byte of the answer, so
 * a stalled server is charged for the requests that queued behind it (no coordinated omission). The mix is about 70 %
 * reads (an engagement, engagement lists by status and by client, invoice lists and one invoice, AR aging, guarantees,
 * the IP ledger, timesheet lists) and 30 % commands (propose an engagement, schedule a rate change, replace IP
 * exclusions, submit a timesheet, draft this month's invoice).
 *
 * <p>Lag: after every {@code bench.lag-every}-th (4th) command that creates or changes a read model is acknowledged
 * (its answer received), a separate
 * poller (not part of the rate) GETs the resource every {@value #POLL_MILLIS} ms until the change shows (the resource
 * exists, or its version is at least the acknowledged one); lag = the receipt of that first GET showing it − the
 * receipt of the command's answer. It is an upper bound, coarse by one poll interval plus one GET.
 *
 * <p>Sizes: {@code bench.rate} (100 requests/s), {@code bench.seconds} (60 s per round), {@code bench.engagements}
 * (300), {@code bench.warmup-seconds} (10, or 0 when {@code bench.warmups=0}); {@code bench.rounds} rounds of
 * {@code bench.seconds} each on the same application and data, all their requests pooled into the percentiles.
 */
public final class HttpLoadScenario implements Scenario {

    static final int SENDERS = 64;
    static final int POLL_MILLIS = 10;
    /**
     * The lag is measured on every n-th command that changes a read model ({@code bench.lag-every}, 4): polling after
     * every command added about 90 GETs/s to the 100 requests/s asked for, so that the load measured itself.
     */
    static final long LAG_EVERY = Math.max(1, BenchRun.size("lag-every", 4));
    private static final long LAG_GIVE_UP_MS = 10_000;
    /** The test clock never goes backwards, and starts at the machine's time: the story runs next year. */
    private static final int YEAR = java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 1;
    private static final LocalDate START = LocalDate.of(YEAR, 1, 1)
            .with(java.time.temporal.TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
    private static final LocalDate MARCH = LocalDate.of(YEAR, 3, 1)
            .with(java.time.temporal.TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
    private static final LocalDate LOAD_DAY = LocalDate.of(YEAR, 12, 2);
    private static final String[] READERS = {BenchRun.MANAGER, BenchRun.FINANCE, BenchRun.AUDITOR, BenchRun.ADMIN};
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String id() {
        return "P4";
    }

    @Override
    public List<Result> run(BenchRun run) throws Exception {
        double rate = BenchRun.size("rate", 100);
        int seconds = (int) BenchRun.size("seconds", 60);
        int engagements = (int) BenchRun.size("engagements", 300);
        int warmupSeconds = (int) BenchRun.size("warmup-seconds", BenchRun.warmups() > 0 ? 10 : 0);
        int rounds = BenchRun.rounds();
        Path dataDir = run.newDataDir("p4").toAbsolutePath();
        try (PreparedStore prepared = run.prepare("p4");
             ConfigurableApplicationContext ledger = run.start(dataDir, prepared, "--ledger.test-clock=true")) {
            Client client = new Client(RunningLedger.port(ledger));
            long seedStart = System.nanoTime();
            Data data = seed(run, client, engagements);
            run.log("P4: seeded %d engagements (%d active, %d hourly seats), %d invoices, %d requests in %d s",
                    engagements, data.active.size(), data.hourlySeats.size(), data.invoices.size(),
                    client.sent.get(), (System.nanoTime() - seedStart) / 1_000_000_000L);
            if (warmupSeconds > 0) {
                Load warm = new Load(client, data, rate);
                warm.run(warmupSeconds);
                run.log("P4: warm-up %d s, %s", warmupSeconds, warm.summary());
            }
            Load total = new Load(client, data, rate);
            List<Double> achieved = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Load load = new Load(client, data, rate);
                load.run(seconds);
                achieved.add(load.completedInWindow / load.windowSeconds);
                run.log("P4: round %d of %d s: %s", round + 1, seconds, load.summary());
                total.add(load);
            }
            int probes = (int) BenchRun.size("probes", 600);
            Load probe = new Load(client, data, rate);
            probe.probe(probes);
            run.log("P4: %d requests one at a time: %s", probes, probe.summary());
            List<Result> results = results(run, total, rate, seconds, rounds, achieved);
            results.addAll(serviceTimes(run, probe, rate));
            return results;
        }
    }

    private List<Result> results(BenchRun run, Load load, double rate, int seconds, int rounds,
                                 List<Double> achieved) {
        String store = run.storeName();
        String how = String.format(Locale.ROOT, "open loop %.0f req/s, %d × %d s, latency from intended send time",
                rate, rounds, seconds);
        String errors = load.errors.get() == 0 ? "no errors"
                : "RUN HAD " + load.errors.get() + " ERRORS: " + load.errorKinds;
        List<Result> lines = new ArrayList<>();
        Samples reads = Samples.of(load.readMs);
        Samples commands = Samples.of(load.commandMs);
        lines.add(Result.absolute("P4", store, "HTTP reads latency", "ms", reads, "p99", "p99 ≤ 50 ms",
                reads.percentile(99) <= 50 && load.errors.get() == 0, how + "; " + errors));
        lines.add(Result.absolute("P4", store, "HTTP commands latency", "ms", commands, "p99", "p99 ≤ 100 ms",
                commands.percentile(99) <= 100 && load.errors.get() == 0, how + "; " + errors));
        if (load.lagMs.isEmpty()) {
            lines.add(Result.absolute("P4", store, "command → read model lag", "ms", Samples.of(Double.NaN), "p99",
                    "p99 ≤ 250 ms", false, "no lag measured"));
        } else {
            Samples lag = Samples.of(load.lagMs);
            lines.add(Result.absolute("P4", store, "command → read model lag", "ms", lag, "p99", "p99 ≤ 250 ms",
                    lag.percentile(99) <= 250 && load.lagLost.get() == 0, String.format(Locale.ROOT,
                            "one command in %d: poll every %d ms until visible, lag = first showing GET's receipt −"
                                    + " command's receipt; %d never seen in %d s", LAG_EVERY, POLL_MILLIS,
                            load.lagLost.get(),
                            LAG_GIVE_UP_MS / 1000)));
        }
        lines.add(Result.absolute("P4", store, "HTTP reads latency p50 (informative)", "ms", reads, "median", "—",
                null, "max " + number(reads.max()) + " ms"));
        lines.add(Result.absolute("P4", store, "HTTP commands latency p50 (informative)", "ms", commands, "median",
                "—", null, "max " + number(commands.max()) + " ms"));
        lines.add(Result.absolute("P4", store, "achieved rate (informative)", "requests/s", Samples.of(achieved),
                "median", String.format(Locale.ROOT, "= %.0f req/s asked", rate), null, String.format(Locale.ROOT,
                        "answers received per second of each round; %d reads, %d commands, %d lag polls", reads.count(),
                        commands.count(), load.polls.get())));
        // what bounds the latencies: each kind of request's own p99, the slowest first (informative)
        load.byRoute.entrySet().stream()
                .map(route -> Map.entry(route.getKey(), Samples.of(route.getValue())))
                .sorted((a, b) -> Double.compare(b.getValue().percentile(99), a.getValue().percentile(99)))
                .forEach(route -> lines.add(Result.absolute("P4", store, "latency of " + route.getKey()
                                + " (informative)", "ms", route.getValue(), "p99", "—", null,
                        "p50 " + number(route.getValue().median()) + " ms, " + route.getValue().count()
                                + " requests")));
        lines.add(Result.absolute("P4", store, "errors (non-2xx/3xx or failed)", "requests",
                Samples.of(load.errors.get()), "max", "0", null, errors));
        return lines;
    }

    /**
     * Each kind of request's service time, one at a time, and what the mix asks of the machine at the bar's rate:
     * the sum over kinds of (requests per second of that kind × its median service time), in milliseconds of work
     * per second. A request keeps about one core busy while it runs (its thread and the embedded store's), so a
     * demand near 1,000 ms/s per core (2,000 here) means requests queue: the latencies then grow without bound.
     */
    private static List<Result> serviceTimes(BenchRun run, Load probe, double rate) {
        List<Result> lines = new ArrayList<>();
        long total = probe.byRoute.values().stream().mapToLong(List::size).sum();
        double demand = 0;
        List<Map.Entry<String, Samples>> routes = probe.byRoute.entrySet().stream()
                .map(route -> Map.entry(route.getKey(), Samples.of(route.getValue())))
                .sorted((a, b) -> Double.compare(b.getValue().median(), a.getValue().median())).toList();
        for (Map.Entry<String, Samples> route : routes) {
            double share = route.getValue().count() / (double) total;
            demand += share * rate * route.getValue().median();
            lines.add(Result.absolute("P4", run.storeName(), "service time of " + route.getKey()
                            + ", one request at a time (informative)", "ms", route.getValue(), "median", "—", null,
                    String.format(Locale.ROOT, "p99 %.1f ms; %.0f %% of the mix", route.getValue().percentile(99),
                            share * 100)));
        }
        lines.add(Result.absolute("P4", run.storeName(), "demand of the mix at the asked rate (informative)",
                "ms of work per s", Samples.of(demand), "median", String.format(Locale.ROOT,
                        "< %d ms/s (%d cores) or requests queue", Runtime.getRuntime().availableProcessors() * 1000,
                        Runtime.getRuntime().availableProcessors()), null, String.format(Locale.ROOT,
                        "Σ (share of the mix × %.0f req/s × median service time), from %d requests one at a time",
                        rate, total)));
        return lines;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    // ---------------------------------------------------------------------------------------------- seeding

    /** What the load draws on. */
    static final class Data {
        final List<String> all = Collections.synchronizedList(new ArrayList<>());
        final List<String> active = new ArrayList<>();
        final List<String> clients = new ArrayList<>();
        final List<String[]> hourlySeats = new ArrayList<>();
        final List<String> invoices = Collections.synchronizedList(new ArrayList<>());
        final Queue<String[]> freeWeeks = new ConcurrentLinkedQueue<>();
        final Map<String, AtomicInteger> changes = new ConcurrentHashMap<>();
        final AtomicInteger proposals = new AtomicInteger();
        final Map<String, String> currency = new ConcurrentHashMap<>();
    }

    private Data seed(BenchRun run, Client client, int engagements) throws Exception {
        Data data = new Data();
        client.ok(client.post(BenchRun.ADMIN, "/api/admin/clock", Map.of("instant", START + "T09:00:00Z")));
        int clients = Math.max(1, engagements / 4);
        for (int c = 0; c < clients; c++) {
            data.clients.add("client-" + c);
        }
        List<String> hourly = Collections.synchronizedList(new ArrayList<>());
        List<String> active = Collections.synchronizedList(new ArrayList<>());
        parallel(engagements, i -> {
            boolean isHourly = i % 2 == 1;
            String clientId = data.clients.get(i % clients);
            List<Map<String, Object>> seats = new ArrayList<>();
            seats.add(seat("pro-" + i + "-a", new BigDecimal(isHourly ? "95.00" : "9000"), START));
            if (i % 3 == 0) {
                seats.add(seat("pro-" + i + "-b", new BigDecimal(isHourly ? "110.00" : "10500"), START));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("clientId", clientId);
            body.put("clientName", "Client " + clientId);
            body.put("roleTitle", isHourly ? "Backend Engineer" : "Data Engineer");
            body.put("currency", i % 5 == 0 ? "USD" : "EUR");
            body.put("billingModel", isHourly ? "HOURLY" : "MONTHLY");
            body.put("terms", Map.of("trialDays", 0));
            body.put("seats", seats);
            String id = client.ok(client.post(BenchRun.MANAGER, "/api/engagements", body)).get("id").asText();
            data.all.add(id);
            data.currency.put(id, (String) body.get("currency"));
            if (i % 5 != 4) {
                client.ok(client.post(BenchRun.MANAGER, "/api/engagements/" + id + "/activate",
                        Map.of("activationDate", START.toString())));
                active.add(id);
                if (isHourly) {
                    hourly.add(id);
                }
            }
        });
        data.active.addAll(active);
        Collections.sort(data.active);
        // the engagements' projection is eventually consistent: read the seats once every proposal shows
        for (String id : hourly) {
            JsonNode engagement = client.await(BenchRun.MANAGER, "/api/engagements/" + id, node -> true);
            for (JsonNode seat : engagement.get("seats")) {
                data.hourlySeats.add(new String[] {id, seat.get("seatId").asText()});
            }
        }
        // four weeks of February's timesheets per hourly seat, half of them approved
        client.ok(client.post(BenchRun.ADMIN, "/api/admin/clock", Map.of("instant", MARCH + "T09:00:00Z")));
        LocalDate februaryWeek = MARCH.minusWeeks(4);
        List<String[]> seats = data.hourlySeats;
        parallel(seats.size() * 4, n -> {
            String[] seat = seats.get(n / 4);
            String timesheet = submitTimesheet(client, seat, februaryWeek.plusWeeks(n % 4)).get("timesheetId")
                    .asText();
            if (n % 2 == 0) {
                client.ok(client.post(BenchRun.MANAGER, "/api/timesheets/" + timesheet + "/approve", null));
            }
        });
        // January and February drafted and issued (an hourly January without hours may be refused: counted), half
        // of January paid
        AtomicInteger refused = new AtomicInteger();
        for (String period : List.of(YEAR + "-01", YEAR + "-02")) {
            parallel(data.active.size(), n -> {
                String engagementId = data.active.get(n);
                String invoice = client.ok(client.post(BenchRun.FINANCE, "/api/invoices/drafts",
                        Map.of("engagementId", engagementId, "period", period))).get("invoiceId").asText();
                data.invoices.add(invoice);
                Client.Answer issued = client.post(BenchRun.FINANCE, "/api/invoices/" + invoice + "/issue", null);
                if (issued.status() != 200) {
                    refused.incrementAndGet();
                } else if (period.endsWith("01") && n % 2 == 0) {
                    // an hourly January without hours owes nothing: its payment is refused, and counted
                    Client.Answer paid = client.post(BenchRun.FINANCE, "/api/invoices/" + invoice + "/payments",
                            Map.of("amount", new BigDecimal("100.00"), "currency", data.currency.get(engagementId),
                                    "date", MARCH.toString(), "reference", "seed " + n));
                    if (paid.status() != 201 && paid.status() != 200) {
                        refused.incrementAndGet();
                    }
                }
            });
        }
        run.log("P4: %d invoices not issued or not paid", refused.get());
        client.ok(client.post(BenchRun.ADMIN, "/api/admin/clock", Map.of("instant", LOAD_DAY + "T09:00:00Z")));
        // weeks the load can still submit: from March to the week before the load's day, every hourly seat
        List<String[]> free = new ArrayList<>();
        for (LocalDate monday = MARCH; monday.isBefore(LOAD_DAY.with(DayOfWeek.MONDAY));
             monday = monday.plusWeeks(1)) {
            for (String[] seat : seats) {
                free.add(new String[] {seat[0], seat[1], monday.toString()});
            }
        }
        Collections.shuffle(free, new java.util.Random(4));
        data.freeWeeks.addAll(free);
        run.log("P4: %d seat-weeks free for timesheets", free.size());
        return data;
    }

    private static JsonNode submitTimesheet(Client client, String[] seat, LocalDate monday) throws Exception {
        return client.ok(client.post(BenchRun.MANAGER, "/api/timesheets", timesheet(seat[0], seat[1], monday)));
    }

    static Map<String, Object> timesheet(String engagementId, String seatId, LocalDate monday) {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (int day = 0; day < 5; day++) {
            hours.put(monday.plusDays(day).toString(), new BigDecimal(day == 4 ? "7.50" : "8"));
        }
        String week = String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return Map.of("engagementId", engagementId, "seatId", seatId, "week", week, "hours", hours);
    }

    private static Map<String, Object> seat(String professionalId, BigDecimal rate, LocalDate start) {
        return Map.of("professionalId", professionalId, "professionalName", "Pro " + professionalId, "rate", rate,
                "startDate", start.toString());
    }

    interface Step {
        void run(int i) throws Exception;
    }

    private static void parallel(int count, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    step.run(n);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------- load

    /** One open-loop run at a fixed rate, and what it measured. */
    static final class Load {
        private final Client client;
        private final Data data;
        private final double rate;
        final List<Double> readMs = Collections.synchronizedList(new ArrayList<>());
        final List<Double> commandMs = Collections.synchronizedList(new ArrayList<>());
        final List<Double> lagMs = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger errors = new AtomicInteger();
        final AtomicInteger lagLost = new AtomicInteger();
        final AtomicLong polls = new AtomicLong();
        final AtomicLong followable = new AtomicLong();
        private final AtomicInteger outstanding = new AtomicInteger();
        final Map<String, AtomicInteger> errorKinds = new ConcurrentHashMap<>();
        /** Latencies by route (method, path with ids as {id}, the query's names): what each kind of request costs. */
        final Map<String, List<Double>> byRoute = new ConcurrentHashMap<>();
        long completedInWindow;
        double windowSeconds;

        Load(Client client, Data data, double rate) {
            this.client = client;
            this.data = data;
            this.rate = rate;
        }

        void add(Load other) {
            readMs.addAll(other.readMs);
            commandMs.addAll(other.commandMs);
            lagMs.addAll(other.lagMs);
            errors.addAndGet(other.errors.get());
            lagLost.addAndGet(other.lagLost.get());
            polls.addAndGet(other.polls.get());
            other.errorKinds.forEach((k, v) -> errorKinds.computeIfAbsent(k, x -> new AtomicInteger())
                    .addAndGet(v.get()));
            other.byRoute.forEach((route, times) -> byRoute.computeIfAbsent(route,
                    x -> Collections.synchronizedList(new ArrayList<>())).addAll(times));
        }

        String summary() {
            return String.format(Locale.ROOT, "%d reads p50 %.1f p99 %.1f max %.1f ms; %d commands p50 %.1f p99 %.1f"
                            + " max %.1f ms; %d lags p50 %.1f p99 %.1f max %.1f ms (%d lost); %.1f answers/s; %d errors %s",
                    readMs.size(), pct(readMs, 50), pct(readMs, 99), pct(readMs, 100), commandMs.size(),
                    pct(commandMs, 50), pct(commandMs, 99), pct(commandMs, 100), lagMs.size(), pct(lagMs, 50),
                    pct(lagMs, 99), pct(lagMs, 100), lagLost.get(), completedInWindow / windowSeconds, errors.get(),
                    errorKinds);
        }

        private static double pct(List<Double> values, double q) {
            synchronized (values) {
                return values.isEmpty() ? Double.NaN : Samples.of(values).percentile(q);
            }
        }

        void run(int seconds) throws InterruptedException {
            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            ScheduledExecutorService pollers = Executors.newScheduledThreadPool(1);
            AtomicLong completed = new AtomicLong();
            long total = Math.round(rate * seconds);
            long intervalNanos = Math.round(1e9 / rate);
            SplittableRandom random = new SplittableRandom(seconds * 31L + data.proposals.get());
            long start = System.nanoTime() + 5_000_000;
            for (long i = 0; i < total; i++) {
                long intended = start + i * intervalNanos;
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                Request request = next(random);
                senders.execute(() -> {
                    request.send(intended, pollers);
                    completed.incrementAndGet();
                });
            }
            long windowEnd = start + total * intervalNanos;
            // the answers received up to the end of the window count for the achieved rate
            while (System.nanoTime() < windowEnd) {
                LockSupport.parkNanos(windowEnd - System.nanoTime());
            }
            completedInWindow = completed.get();
            windowSeconds = (windowEnd - start) / 1e9;
            senders.shutdown();
            if (!senders.awaitTermination(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("requests still unanswered 60 s after the run");
            }
            // polls in flight or scheduled: wait for them, each gives up after LAG_GIVE_UP_MS
            long pollDeadline = System.nanoTime() + (LAG_GIVE_UP_MS + 35_000) * 1_000_000;
            while (outstanding.get() > 0 || ((java.util.concurrent.ScheduledThreadPoolExecutor) pollers)
                    .getQueue().size() > 0) {
                if (System.nanoTime() > pollDeadline) {
                    throw new IllegalStateException("lag polls still running");
                }
                Thread.sleep(10);
            }
            pollers.shutdownNow();
        }

        /**
         * {@code count} requests of the same mix, one at a time (closed loop, no lag polls): each kind's service time
         * on an otherwise idle application, which the open-loop rounds cannot show once requests queue.
         */
        void probe(int count) {
            SplittableRandom random = new SplittableRandom(count * 17L + data.proposals.get());
            for (int i = 0; i < count; i++) {
                next(random).send(System.nanoTime(), null);
            }
        }

        /** The next request of the mix: about 70 % reads and 30 % commands, by the roles that send them. */
        private Request next(SplittableRandom random) {
            int dice = random.nextInt(100);
            String reader = READERS[random.nextInt(READERS.length)];
            String any = pick(random, data.all);
            String active = pick(random, data.active);
            if (dice < 20) {
                return read(reader, "/api/engagements/" + any);
            } else if (dice < 30) {
                int pages = Math.max(1, data.active.size() / 20);
                return read(reader, "/api/engagements?status=ACTIVE&page=" + random.nextInt(pages) + "&size=20");
            } else if (dice < 35) {
                return read(reader, "/api/engagements?clientId=" + pick(random, data.clients));
            } else if (dice < 40) {
                return read(reader, "/api/invoices?status=" + (random.nextBoolean() ? "ISSUED" : "PARTIALLY_PAID")
                        + "&page=" + random.nextInt(3));
            } else if (dice < 44) {
                return read(reader, "/api/invoices?engagementId=" + active);
            } else if (dice < 48) {
                return read(reader, "/api/invoices/" + pick(random, data.invoices));
            } else if (dice < 53) {
                return read(random.nextBoolean() ? BenchRun.FINANCE : reader, "/api/billing/aging");
            } else if (dice < 59) {
                return read(reader, "/api/guarantees?engagementId=" + active);
            } else if (dice < 64) {
                return read(reader, random.nextBoolean() ? "/api/ip-transfers/ledger"
                        : "/api/ip-transfers/ledger?clientId=" + pick(random, data.clients));
            } else if (dice < 70) {
                return read(reader, "/api/timesheets?engagementId=" + pick(random, data.active));
            } else if (dice < 78) {
                return propose(random);
            } else if (dice < 85) {
                return rateChange(active);
            } else if (dice < 90) {
                return exclusions(random, active);
            } else if (dice < 98) {
                String[] week = data.freeWeeks.poll();
                return week == null ? rateChange(active) : timesheet(week);
            } else {
                return new Request(BenchRun.FINANCE, "/api/invoices/drafts", Map.of("engagementId", active,
                        "period", YearMonth.from(LOAD_DAY).toString()), answer -> {
                    if (answer.status() == 201) {
                        String id = answer.json().get("invoiceId").asText();
                        return new Visible("/api/invoices/" + id, node -> true, () -> data.invoices.add(id));
                    }
                    return null;
                });
            }
        }

        private static <T> T pick(SplittableRandom random, List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        /** {@code GET /api/engagements/{id}}, {@code GET /api/invoices?status&page&size}: a request's kind. */
        static String route(boolean command, String path) {
            String[] parts = path.split("[?]", 2);
            String route = (command ? "POST " : "GET ") + parts[0]
                    .replaceAll("/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "/{id}")
                    .replaceAll("/bench-[^/]+", "/{id}");
            if (parts.length > 1) {
                route += "?" + String.join("&", java.util.Arrays.stream(parts[1].split("&"))
                        .map(pair -> pair.split("=", 2)[0]).toList());
            }
            return route;
        }

        private Request read(String user, String path) {
            return new Request(user, path, null, null);
        }

        private Request propose(SplittableRandom random) {
            int n = data.proposals.incrementAndGet();
            Map<String, Object> body = new LinkedHashMap<>();
            String clientId = pick(random, data.clients);
            body.put("clientId", clientId);
            body.put("clientName", "Client " + clientId);
            body.put("roleTitle", "Platform Engineer");
            body.put("currency", "EUR");
            body.put("billingModel", random.nextBoolean() ? "HOURLY" : "MONTHLY");
            body.put("seats", List.of(seat("load-pro-" + n, new BigDecimal("100.00"), LOAD_DAY.plusDays(14))));
            return new Request(BenchRun.MANAGER, "/api/engagements", body, answer -> {
                String id = answer.json().get("id").asText();
                // read by the load only once it shows: a read of it before would be a 404 of the benchmark's making
                return new Visible("/api/engagements/" + id, node -> true, () -> data.all.add(id));
            });
        }

        private Request rateChange(String engagementId) {
            int n = data.changes.computeIfAbsent(engagementId, k -> new AtomicInteger()).incrementAndGet();
            return new Request(BenchRun.MANAGER, "/api/engagements/" + engagementId + "/rate-changes",
                    Map.of("newRate", new BigDecimal(100 + n), "effectiveDate", LOAD_DAY.plusDays(30 + n).toString(),
                            "reason", "rate review " + n), answer -> versionAtLeast(engagementId, answer));
        }

        private Request exclusions(SplittableRandom random, String engagementId) {
            int n = data.changes.computeIfAbsent(engagementId, k -> new AtomicInteger()).incrementAndGet();
            return new Request(random.nextBoolean() ? BenchRun.MANAGER : BenchRun.FINANCE,
                    "/api/engagements/" + engagementId + "/ip-exclusions",
                    Map.of("exclusions", List.of("background library v" + n, "client toolkit"),
                            "reason", "agreed with the client, change " + n),
                    answer -> versionAtLeast(engagementId, answer));
        }

        private Request timesheet(String[] week) {
            return new Request(BenchRun.MANAGER, "/api/timesheets",
                    HttpLoadScenario.timesheet(week[0], week[1], LocalDate.parse(week[2])), answer -> {
                        String id = answer.json().get("timesheetId").asText();
                        return new Visible("/api/timesheets/" + id, node -> true, () -> { });
                    });
        }

        private static Visible versionAtLeast(String engagementId, Client.Answer answer) throws IOException {
            long version = answer.json().get("version").asLong();
            return new Visible("/api/engagements/" + engagementId,
                    node -> node.get("version").asLong() >= version, () -> { });
        }

        /** A GET that shows a command's change once its predicate holds. */
        record Visible(String path, Predicate<JsonNode> shows, Runnable then) {
        }

        interface Follow {
            Visible after(Client.Answer answer) throws IOException;
        }

        /** One request of the load: a read (no body) or a command (POST with its body, and the change it makes). */
        final class Request {
            private final String user;
            private final String path;
            private final Object body;
            private final Follow follow;

            Request(String user, String path, Object body, Follow follow) {
                this.user = user;
                this.path = path;
                this.body = body;
                this.follow = follow;
            }

            void send(long intended, ScheduledExecutorService pollers) {
                boolean command = body != null;
                Client.Answer answer = null;
                String failure = null;
                try {
                    answer = command ? client.post(user, path, body) : client.get(user, path);
                } catch (IOException e) {
                    failure = e.getClass().getSimpleName();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long received = System.nanoTime();
                double ms = (received - intended) / 1e6;
                (command ? commandMs : readMs).add(ms);
                byRoute.computeIfAbsent(route(command, path), x -> Collections.synchronizedList(new ArrayList<>()))
                        .add(ms);
                if (answer != null && answer.status() >= 400) {
                    failure = answer.status() + " " + path.replaceAll("[?].*", "")
                            .replaceAll("/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "/{id}");
                    if (errors.get() < 5) {
                        System.out.println("P4 error: " + (command ? "POST " : "GET ") + path + " → " + answer);
                    }
                }
                if (failure != null) {
                    errors.incrementAndGet();
                    errorKinds.computeIfAbsent(failure, k -> new AtomicInteger()).incrementAndGet();
                    return;
                }
                if (follow != null && pollers != null && followable.getAndIncrement() % LAG_EVERY == 0) {
                    try {
                        Visible visible = follow.after(answer);
                        if (visible != null) {
                            poll(visible, received, pollers);
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        errorKinds.computeIfAbsent("unreadable answer", k -> new AtomicInteger()).incrementAndGet();
                    }
                }
            }
        }

        /**
         * One GET of a lag poll, sent asynchronously (so that polls never queue behind each other on a few threads):
         * done when it shows the change, else again {@value #POLL_MILLIS} ms after its answer.
         */
        private void poll(Visible visible, long acknowledged, ScheduledExecutorService pollers) {
            polls.incrementAndGet();
            outstanding.incrementAndGet();
            client.getAsync(BenchRun.AUDITOR, visible.path()).whenComplete((answer, failure) -> {
                try {
                    long received = System.nanoTime();
                    if (failure != null) {
                        error("lag poll " + failure.getClass().getSimpleName());
                        return;
                    }
                    if (answer.status() == 200 && visible.shows().test(answer.json())) {
                        lagMs.add((received - acknowledged) / 1e6);
                        visible.then().run();
                        return;
                    }
                    if (answer.status() != 200 && answer.status() != 404) {
                        error("lag poll " + answer.status());
                        return;
                    }
                    if ((received - acknowledged) / 1_000_000 > LAG_GIVE_UP_MS) {
                        lagLost.incrementAndGet();
                        return;
                    }
                    pollers.schedule(() -> poll(visible, acknowledged, pollers), POLL_MILLIS,
                            TimeUnit.MILLISECONDS);
                } catch (IOException | RuntimeException e) {
                    error("lag poll " + e.getClass().getSimpleName());
                } finally {
                    outstanding.decrementAndGet();
                }
            });
        }

        private void error(String kind) {
            errors.incrementAndGet();
            errorKinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    // ---------------------------------------------------------------------------------------------- client

    /** java.net.http over HTTP/1.1 with keep-alive, Basic credentials of the benchmark users. */
    static final class Client {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;
        final AtomicLong sent = new AtomicLong();

        Client(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        record Answer(int status, String body) {
            JsonNode json() throws IOException {
                return JSON.readTree(body);
            }

            @Override
            public String toString() {
                return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
            }
        }

        java.util.concurrent.CompletableFuture<Answer> getAsync(String user, String path) {
            sent.incrementAndGet();
            return http.sendAsync(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> new Answer(response.statusCode(), response.body()));
        }

        Answer get(String user, String path) throws IOException, InterruptedException {
            return send(request(user, path).GET());
        }

        Answer post(String user, String path, Object body) throws IOException, InterruptedException {
            return send(request(user, path).header("Content-Type", "application/json")
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        }

        private HttpRequest.Builder request(String user, String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (user + ":" + BenchRun.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }

        private Answer send(HttpRequest.Builder builder) throws IOException, InterruptedException {
            sent.incrementAndGet();
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        }

        /** The answer's JSON, or an error naming the answer when it is not a 2xx. */
        JsonNode ok(Answer answer) throws IOException {
            if (answer.status() / 100 != 2) {
                throw new IllegalStateException("seeding refused: " + answer);
            }
            return answer.body().isEmpty() ? JSON.createObjectNode() : answer.json();
        }

        /** Polls a GET until it answers 200 and {@code until} holds, for at most 30 s. */
        JsonNode await(String user, String path, Predicate<JsonNode> until) throws Exception {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (true) {
                Answer answer = get(user, path);
                if (answer.status() == 200 && until.test(answer.json())) {
                    return answer.json();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not visible in 30 s: " + path + " → " + answer);
                }
                Thread.sleep(5);
            }
        }
    }
}
