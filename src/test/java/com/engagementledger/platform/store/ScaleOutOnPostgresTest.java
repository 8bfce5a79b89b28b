package com.engagementledger.platform.store;

import static com.engagementledger.support.RunningLedger.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.iptransfer.api.IpTransferIds;
import com.engagementledger.support.Api;
import com.engagementledger.support.ForkedLedger;
import com.engagementledger.support.PreparedStore;
import com.engagementledger.support.ReadModelHashes;
import com.engagementledger.support.RelationalStore;
import com.engagementledger.support.RequiresPostgres;
import com.engagementledger.support.RunningLedger;
import com.engagementledger.support.TestDataDirs;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances of the application on one PostgreSQL event store, each with its read models in an embedded store of
 * its own, take commands from several clients at the same time (issue 11 item 3, DESIGN.md §4): every acknowledged
 * command's event is stored once, each aggregate's events are numbered without gaps or repeats, and no two
 * acknowledgements claim one aggregate version; the same If-Match version sent to both instances at once wins once;
 * the deadlines (a trial that lapses, a replacement's SLA) and the process steps (an issue finished, an IP transfer
 * opened and told of each payment) happen exactly once, though both instances run the scheduler and the processes
 * (their claims are shared in PostgreSQL); and, once quiet, both instances' read models have the same content, and
 * each verifies the audit chain both built and signed with their one shared key.
 *
 * <p>The test clock is per instance (each keeps its offset in memory, loaded from PostgreSQL at start), so the test
 * moves both instances' clocks to the same instant, at the same moment: both schedulers then race for the same due
 * deadlines (ADR 0038).
 */
@RequiresPostgres
class ScaleOutOnPostgresTest {

    private static final int CLIENTS = 4;
    private static final int ROUNDS = 3;
    private static final Pattern EMBEDDED_MONGO = Pattern.compile("Embedded MongoDB wire-protocol server on (\\S+)");

    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    private final List<String> claimedVersions = new CopyOnWriteArrayList<>();

    @Test
    void twoInstancesOnOneEventStoreLoseNothingDuplicateNothingAndConverge() throws Exception {
        try (PreparedStore database = RelationalStore.POSTGRESQL.prepare("scale_out")) {
            PreparedStore store = withSharedAuditKey(database, TestDataDirs.create("scale-out-keys"));
            Path dirA = TestDataDirs.create("scale-out-a");
            Path dirB = TestDataDirs.create("scale-out-b");
            // A first: it creates the schema and the audit signing key that B then finds
            try (ConfigurableApplicationContext a = RunningLedger.start("test", dirA, store);
                 ForkedLedger forked = ForkedLedger.start("test", dirB, store, "b.log", List.of())) {
                assertThat(RunningLedger.databaseProduct(a)).isEqualTo("PostgreSQL");
                List<Api> instances = List.of(new Api(port(a)), forked.awaitHealthy());
                run(a, instances, embeddedMongoUri(dirB.resolve("b.log")));
            }
        }
    }

    /**
     * The store's arguments with one audit key directory for both instances: each signs checkpoints of the one chain,
     * and each verifies only with keys from outside the database (ADR 0038).
     */
    private static PreparedStore withSharedAuditKey(PreparedStore store, Path keyDirectory) {
        List<String> arguments = new ArrayList<>(store.arguments().stream()
                .filter(argument -> !argument.startsWith("--ledger.audit.key-directory=")).toList());
        arguments.add("--ledger.audit.key-directory=" + keyDirectory);
        return new PreparedStore(store.profiles(), arguments, () -> { });
    }

    private void run(ConfigurableApplicationContext a, List<Api> instances, String mongoOfB) throws Exception {
        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
        LocalDate today = LocalDate.ofInstant(now(instances.get(0)), ZoneOffset.UTC);
        YearMonth period = YearMonth.from(today).plusMonths(1);
        LocalDate start = period.atDay(1);
        moveBothClocksTo(instances, start);

        // two engagements every client changes, alternately through either instance
        List<String> shared = List.of(activeEngagement(instances.get(0), "shared-0", start),
                activeEngagement(instances.get(1), "shared-1", start));
        Work work = new Work();
        concurrently(CLIENTS, client -> {
            for (int round = 0; round < ROUNDS; round++) {
                clientRound(instances, client, round, start, shared, work);
            }
            return null;
        });
        assertThat(work.replacements).hasSize(CLIENTS * ROUNDS);
        assertThat(work.trials).isNotEmpty();

        ifMatchAcrossInstances(instances, shared.get(0), start, jdbc, work);

        // the trials lapse and the SLAs run out on both instances' clocks at once: both schedulers race for them
        LocalDate issueDay = period.plusMonths(1).atDay(3);
        moveBothClocksTo(instances, issueDay);
        invoices(instances, work, period, issueDay);

        assertStoredExactlyOnce(jdbc, work);
        assertEachDeadlineAndStepOnce(jdbc, work, nineAm(issueDay));
        assertNoVersionClaimedTwice(jdbc);

        for (Api api : instances) {
            ReadModelHashes.awaitCaughtUp(api);
        }
        assertAuditChainVerifiesOnBoth(instances, jdbc);
        try (MongoClient client = MongoClients.create(mongoOfB)) {
            MongoTemplate readModelsOfB = new MongoTemplate(client, "ledger");
            Map<String, String> ofA = ReadModelHashes.of(a);
            assertThat(ofA).isNotEmpty();
            assertThat(ReadModelHashes.of(a, readModelsOfB)).as("read models of instance B, by collection")
                    .isEqualTo(ofA);
        }
    }

    /** One client's round: a new engagement through both instances, its seat, rate change and replacement. */
    private void clientRound(List<Api> instances, int client, int round, LocalDate start, List<String> shared,
                             Work work) {
        Api x = instances.get((client + round) % 2);
        Api y = instances.get((client + round + 1) % 2);
        String name = "scale-" + client + "-" + round;
        String engagement = propose(x, name, start, 0);
        work.proposals.add(engagement);
        expectVersion(engagement, y.as("manager").post("/api/engagements/" + engagement + "/activate",
                Map.of("activationDate", start.toString())), 200);
        work.activations.add(engagement);
        String seat = addSeat(x, engagement, name + "-second", start);
        work.seats.put(seat, engagement);

        Api.Response rate = y.as("manager").post("/api/engagements/" + engagement + "/rate-changes", Map.of(
                "seatId", seat, "newRate", new BigDecimal("9500.00"), "effectiveDate", start.plusDays(45).toString(),
                "reason", "yearly review"));
        expectVersion(engagement, rate, 200);
        work.rateChanges.put(rate.json().get("rateChangeId").asText(), engagement);

        Api.Response replacement = x.as("manager").post("/api/engagements/" + engagement + "/replacements",
                Map.of("seatId", seat, "reason", "NON_PERFORMANCE", "note", "misses commitments"));
        assertThat(replacement.status()).as(replacement.toString()).isEqualTo(201);
        work.replacements.put(replacement.json().get("replacementId").asText(), engagement);
        work.billable.add(engagement);

        // shared aggregates, without If-Match: a lost race is a 409 problem, and only a 201 is acknowledged
        for (int i = 0; i < 2; i++) {
            Api via = instances.get(i);
            String target = shared.get((client + i) % 2);
            Api.Response added = via.as("manager").post("/api/engagements/" + target + "/seats",
                    seatBody(name + "-shared-" + i, start));
            if (added.status() == 201) {
                recordVersion(target, added);
                work.seats.put(added.json().get("seatId").asText(), target);
            } else {
                assertThat(added.status()).as(added.toString()).isEqualTo(409);
            }
        }

        if (round == 0) {
            String trial = propose(y, name + "-trial", start, 14);
            expectVersion(trial, x.as("manager").post("/api/engagements/" + trial + "/trial", (Object) null), 200);
            work.trials.add(trial);
        }
    }

    /** One If-Match version sent to both instances at the same moment, three times each: exactly one wins. */
    private void ifMatchAcrossInstances(List<Api> instances, String engagement, LocalDate start, JdbcTemplate jdbc,
                                        Work work) throws Exception {
        Api.Response fresh = instances.get(0).as("manager").post("/api/engagements/" + engagement + "/seats",
                seatBody("if-match-base", start));
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(201);
        recordVersion(engagement, fresh);
        work.seats.put(fresh.json().get("seatId").asText(), engagement);
        String version = fresh.header("ETag");
        long before = events(jdbc, engagement, "SeatAdded");
        List<Api.Response> responses = concurrently(6, i -> instances.get(i % 2).as("manager")
                .header("If-Match", version)
                .post("/api/engagements/" + engagement + "/seats", seatBody("if-match-" + i, start)));
        assertThat(responses).as("winners").filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(5).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isIn(409, 412);
            assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        });
        responses.stream().filter(r -> r.status() == 201).forEach(r -> {
            recordVersion(engagement, r);
            work.seats.put(r.json().get("seatId").asText(), engagement);
        });
        assertThat(events(jdbc, engagement, "SeatAdded")).as("seats added against one version").isEqualTo(before + 1);
    }

    /** Drafts, issues and pays an invoice for every billable engagement, each step through the other instance. */
    private void invoices(List<Api> instances, Work work, YearMonth period, LocalDate issueDay) throws Exception {
        List<String> billable = new ArrayList<>(work.billable);
        concurrently(CLIENTS, client -> {
            for (int i = client; i < billable.size(); i += CLIENTS) {
                Api x = instances.get(i % 2);
                Api y = instances.get((i + 1) % 2);
                Api.Response drafted = x.as("finance").post("/api/invoices/drafts",
                        Map.of("engagementId", billable.get(i), "period", period.toString()));
                assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
                String invoice = drafted.json().get("invoiceId").asText();
                Api.Response issued = y.as("finance").post("/api/invoices/" + invoice + "/issue", (String) null);
                assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
                work.invoices.add(invoice);
                for (int n = 0; n < 2; n++) {
                    Api via = n == 0 ? x : y;
                    Map<String, Object> payment = new LinkedHashMap<>();
                    payment.put("amount", new BigDecimal("100.00"));
                    payment.put("currency", "EUR");
                    payment.put("date", issueDay.toString());
                    payment.put("reference", "SEPA " + invoice + " " + n);
                    Api.Response paid = via.as("finance").post("/api/invoices/" + invoice + "/payments", payment);
                    if (paid.status() == 201) {
                        work.payments.put(paid.json().get("paymentId").asText(), invoice);
                    } else {
                        assertThat(paid.status()).as(paid.toString()).isEqualTo(409);
                    }
                }
            }
            return null;
        });
        assertThat(work.invoices).hasSize(billable.size());
        assertThat(work.payments).isNotEmpty();
    }

    private void assertStoredExactlyOnce(JdbcTemplate jdbc, Work work) {
        for (String engagement : work.proposals) {
            assertThat(events(jdbc, engagement, "EngagementProposed")).as("proposal " + engagement).isEqualTo(1);
        }
        for (String engagement : work.activations) {
            assertThat(events(jdbc, engagement, "EngagementActivated")).as("activation " + engagement).isEqualTo(1);
        }
        work.seats.forEach((seat, engagement) -> assertThat(eventsNaming(jdbc, engagement, "SeatAdded", seat))
                .as("seat " + seat).isEqualTo(1));
        Set<String> withSeats = Set.copyOf(work.seats.values());
        for (String engagement : withSeats) {
            long acknowledged = work.seats.values().stream().filter(engagement::equals).count();
            assertThat(events(jdbc, engagement, "SeatAdded")).as("seats added to " + engagement)
                    .isEqualTo(acknowledged);
        }
        work.rateChanges.forEach((change, engagement) ->
                assertThat(eventsNaming(jdbc, engagement, "RateChangeScheduled", change)).as("rate change " + change)
                        .isEqualTo(1));
        work.replacements.forEach((replacement, engagement) ->
                assertThat(events(jdbc, replacement, "ReplacementRequested")).as("replacement " + replacement)
                        .isEqualTo(1));
        work.payments.forEach((payment, invoice) -> assertThat(eventsNaming(jdbc, invoice, "PaymentRecorded", payment))
                .as("payment " + payment).isEqualTo(1));
        for (String invoice : work.invoices) {
            long acknowledged = work.payments.values().stream().filter(invoice::equals).count();
            assertThat(events(jdbc, invoice, "PaymentRecorded")).as("payments of " + invoice).isEqualTo(acknowledged);
        }
        // no aggregate's events skip or repeat a sequence number, and every event has one global index
        assertThat(jdbc.queryForList("SELECT aggregateIdentifier FROM DomainEventEntry GROUP BY aggregateIdentifier"
                + " HAVING COUNT(*) <> MAX(sequenceNumber) + 1 OR MIN(sequenceNumber) <> 0"
                + " OR COUNT(DISTINCT sequenceNumber) <> COUNT(*)", String.class))
                .as("aggregates with gaps or repeats in their sequence").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT globalIndex) = COUNT(*) AND COUNT(DISTINCT"
                + " eventIdentifier) = COUNT(*) FROM DomainEventEntry", Boolean.class)).isTrue();
    }

    /** Deadlines and process steps fire on whichever instance claims them, once; the other may still be at it. */
    private static void assertEachDeadlineAndStepOnce(JdbcTemplate jdbc, Work work, Instant clock) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (String trial : work.trials) {
                assertThat(events(jdbc, trial, "TrialAccepted")).as("trial lapsed " + trial).isEqualTo(1);
            }
            for (String replacement : work.replacements.keySet()) {
                assertThat(events(jdbc, replacement, "ReplacementSlaBreached")).as("SLA breach " + replacement)
                        .isEqualTo(1);
            }
            for (String invoice : work.invoices) {
                assertThat(events(jdbc, invoice, "InvoiceIssued")).as("issued " + invoice).isEqualTo(1);
                String transfer = IpTransferIds.ofInvoice(invoice);
                assertThat(events(jdbc, transfer, "IpTransferOpened")).as("IP transfer " + transfer).isEqualTo(1);
            }
            work.payments.forEach((payment, invoice) -> assertThat(eventsNaming(jdbc,
                    IpTransferIds.ofInvoice(invoice), "InvoiceMovementNoted", payment))
                    .as("IP transfer told of payment " + payment).isEqualTo(1));
        });
        // nothing is left due: every deadline that fell due was taken by one scheduler and done
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE execution_time <= ?",
                Long.class, Timestamp.from(clock))).as("deadlines due and not done").isZero();
    }

    /**
     * Both instances chain the events (whichever links a position first, once) and sign checkpoints with the one
     * shared key: each verifies the whole history, the other's checkpoints too.
     */
    private static void assertAuditChainVerifiesOnBoth(List<Api> instances, JdbcTemplate jdbc) {
        long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        for (Api api : instances) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                Api.Response verified = api.as("auditor").get("/api/audit/verify");
                assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
                assertThat(verified.json().get("ok").asBoolean()).as(verified.toString()).isTrue();
                assertThat(verified.json().get("lastPosition").asLong()).as(verified.toString())
                        .isGreaterThanOrEqualTo(head);
                assertThat(verified.json().get("checkpointsChecked").asLong()).as(verified.toString()).isPositive();
            });
        }
    }

    /** No two acknowledgements, from either instance, named the same version of one aggregate. */
    private void assertNoVersionClaimedTwice(JdbcTemplate jdbc) {
        assertThat(claimedVersions).doesNotHaveDuplicates();
        versions.forEach((aggregate, highest) -> assertThat(jdbc.queryForObject(
                "SELECT MAX(sequenceNumber) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class,
                aggregate)).as("stored version of " + aggregate).isGreaterThanOrEqualTo(highest.longValue()));
    }

    private String activeEngagement(Api api, String client, LocalDate start) {
        String id = propose(api, client, start, 0);
        expectVersion(id, api.as("manager").post("/api/engagements/" + id + "/activate",
                Map.of("activationDate", start.toString())), 200);
        return id;
    }

    private String propose(Api api, String client, LocalDate start, int trialDays) {
        Api.Response created = api.as("manager").post("/api/engagements", Map.of(
                "clientId", client, "clientName", "Client " + client, "roleTitle", "Engineer",
                "currency", "EUR", "billingModel", "MONTHLY", "terms", Map.of("trialDays", trialDays),
                "seats", List.of(seatBody(client, start))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        recordVersion(id, created);
        return id;
    }

    private String addSeat(Api api, String engagement, String professional, LocalDate start) {
        Api.Response added = api.as("manager").post("/api/engagements/" + engagement + "/seats",
                seatBody(professional, start));
        expectVersion(engagement, added, 201);
        return added.json().get("seatId").asText();
    }

    private static Map<String, Object> seatBody(String professional, LocalDate start) {
        return Map.of("professionalId", "pro-" + professional, "professionalName", "Pat Doe",
                "rate", new BigDecimal("9000.00"), "startDate", start.toString());
    }

    private void expectVersion(String aggregate, Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        recordVersion(aggregate, response);
    }

    private void recordVersion(String aggregate, Api.Response response) {
        String etag = response.header("ETag");
        if (etag == null) {
            return;
        }
        int version = Integer.parseInt(etag.replace("\"", "").replace("W/", ""));
        claimedVersions.add(aggregate + "@" + version);
        versions.merge(aggregate, version, Math::max);
    }

    private static void moveBothClocksTo(List<Api> instances, LocalDate day) throws Exception {
        String instant = nineAm(day).toString();
        List<Api.Response> moved = concurrently(instances.size(), i -> instances.get(i).as("admin")
                .post("/api/admin/clock", Map.of("instant", instant)));
        for (Api.Response response : moved) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
        }
    }

    private static Instant nineAm(LocalDate day) {
        return day.atTime(9, 0).toInstant(ZoneOffset.UTC);
    }

    private static Instant now(Api api) {
        return Instant.parse(api.as("admin").get("/api/admin/clock").json().get("instant").asText());
    }

    private static long events(JdbcTemplate jdbc, String aggregate, String eventType) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " AND payloadType LIKE ?", Long.class, aggregate, "%." + eventType);
        return count == null ? 0 : count;
    }

    private static long eventsNaming(JdbcTemplate jdbc, String aggregate, String eventType, String id) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " AND payloadType LIKE ? AND convert_from(payload, 'UTF8') LIKE ?", Long.class, aggregate,
                "%." + eventType, "%\"" + id + "\"%");
        return count == null ? 0 : count;
    }

    /** The address of instance B's embedded read-model store, as it logged it at start. */
    private static String embeddedMongoUri(Path log) {
        try {
            Matcher matcher = EMBEDDED_MONGO.matcher(Files.readString(log));
            assertThat(matcher.find()).as("instance B logs its embedded read-model store").isTrue();
            return matcher.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Client<T> {
        T run(int client) throws Exception;
    }

    /** Runs {@code count} clients, each on a thread of its own, released at the same moment. */
    private static <T> List<T> concurrently(int count, Client<T> client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                Callable<T> task = () -> {
                    go.await();
                    return client.run(n);
                };
                sent.add(pool.submit(task));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> result : sent) {
                results.add(result.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** What the instances acknowledged, by id. */
    private static final class Work {
        final Set<String> proposals = ConcurrentHashMap.newKeySet();
        final Set<String> activations = ConcurrentHashMap.newKeySet();
        final Set<String> trials = ConcurrentHashMap.newKeySet();
        final Set<String> billable = ConcurrentHashMap.newKeySet();
        final Map<String, String> seats = new ConcurrentHashMap<>();
        final Map<String, String> rateChanges = new ConcurrentHashMap<>();
        final Map<String, String> replacements = new ConcurrentHashMap<>();
        final Set<String> invoices = ConcurrentHashMap.newKeySet();
        final Map<String, String> payments = new ConcurrentHashMap<>();
    }
}
