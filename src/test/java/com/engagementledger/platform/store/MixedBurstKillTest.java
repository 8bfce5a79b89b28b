package com.engagementledger.platform.store;

import static com.engagementledger.support.RunningLedger.port;
import static com.engagementledger.support.RunningLedger.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.support.Api;
import com.engagementledger.support.ForkedLedger;
import com.engagementledger.support.PreparedStore;
import com.engagementledger.support.ReadModelHashes;
import com.engagementledger.support.RelationalStore;
import com.engagementledger.support.TestDataDirs;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SIGKILL in the middle of a burst of mixed commands from several clients (new engagements and their activation,
 * seats added to running engagements, payments on issued invoices): after a restart on the same data directory every
 * command the killed application acknowledged is in the event store, and every read model, once caught up, has
 * exactly the content a replay of all read models from the first event gives (DESIGN.md §6, issue 11 item 4).
 */
class MixedBurstKillTest {

    private static final int INVOICES = 3;

    @Test
    void aKillDuringAMixedBurstLosesNoAcknowledgedCommandAndTheReadModelsEqualAReplay() throws Exception {
        try (PreparedStore store = RelationalStore.H2.prepare("mixed-burst")) {
            Path dataDir = TestDataDirs.create("mixed-burst");
            Acknowledged acknowledged = new Acknowledged();
            try (ForkedLedger app = ForkedLedger.start("test", dataDir, store, "killed.log", List.of())) {
                Api api = app.awaitHealthy();
                Setup setup = setUp(api);
                burstAndKill(app, api, setup, acknowledged);
            }
            try (ConfigurableApplicationContext restarted = start("test", dataDir, store)) {
                JdbcTemplate jdbc = restarted.getBean(JdbcTemplate.class);
                acknowledged.assertStored(jdbc);

                Api api = new Api(port(restarted));
                ReadModelHashes.awaitCaughtUp(api);
                Map<String, String> caughtUp = ReadModelHashes.of(restarted);
                MongoTemplate mongo = restarted.getBean(MongoTemplate.class);
                for (String id : acknowledged.proposed.keySet()) {
                    assertThat(mongo.findById(id, Document.class, "engagements")).as("engagement " + id).isNotNull();
                }
                acknowledged.payments.values().stream().distinct().forEach(invoice -> {
                    Document doc = mongo.findById(invoice, Document.class, "invoices");
                    assertThat(doc).as("invoice " + invoice).isNotNull();
                    assertThat(doc.getList("movements", Object.class)).as("movements of " + invoice)
                            .hasSize(count(jdbc, invoice, "PaymentRecorded"));
                });

                ReadModelHashes.replayAll(restarted, api);
                assertThat(ReadModelHashes.of(restarted)).as("read models after a replay from the first event")
                        .isEqualTo(caughtUp);
            }
        }
    }

    /** Two engagements with an issued invoice each, and the day the burst happens on. */
    private record Setup(List<String> engagements, List<String> invoices, LocalDate today) {
    }

    private static Setup setUp(Api api) {
        LocalDate now = LocalDate.ofInstant(Instant.parse(
                api.as("admin").get("/api/admin/clock").json().get("instant").asText()), ZoneOffset.UTC);
        YearMonth period = YearMonth.from(now).plusMonths(1);
        moveClockTo(api, period.atDay(1));
        List<String> engagements = new ArrayList<>();
        for (int i = 0; i < INVOICES; i++) {
            String id = propose(api, "burst-setup-" + i, period.atDay(1));
            Api.Response activated = api.as("manager").post("/api/engagements/" + id + "/activate",
                    Map.of("activationDate", period.atDay(1).toString()));
            assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
            engagements.add(id);
        }
        LocalDate issueDay = period.plusMonths(1).atDay(3);
        moveClockTo(api, issueDay);
        List<String> invoices = new ArrayList<>();
        for (String engagement : engagements) {
            Api.Response drafted = api.as("finance").post("/api/invoices/drafts",
                    Map.of("engagementId", engagement, "period", period.toString()));
            assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
            String invoice = drafted.json().get("invoiceId").asText();
            Api.Response issued = api.as("finance").post("/api/invoices/" + invoice + "/issue", (String) null);
            assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
            invoices.add(invoice);
        }
        return new Setup(engagements, invoices, issueDay);
    }

    private static void burstAndKill(ForkedLedger app, Api api, Setup setup, Acknowledged acknowledged)
            throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < 4; client++) {
            int c = client;
            running.add(clients.submit(() -> {
                for (int i = 0; !killed.get(); i++) {
                    try {
                        switch (c) {
                            case 0, 1 -> proposeAndActivate(api, setup, c, i, acknowledged);
                            case 2 -> pay(api, setup, i, acknowledged);
                            default -> addSeat(api, setup, i, acknowledged);
                        }
                    } catch (RuntimeException connectionLost) {
                        // the server is gone: only what it acknowledged counts
                    }
                }
            }));
        }
        try {
            await().atMost(Duration.ofSeconds(40)).until(() -> acknowledged.proposed.size() >= 20
                    && acknowledged.payments.size() >= 10 && acknowledged.seats.size() >= 10);
            app.kill();
        } finally {
            killed.set(true);
            for (Future<?> client : running) {
                client.get(60, TimeUnit.SECONDS);
            }
            clients.shutdown();
        }
    }

    private static void proposeAndActivate(Api api, Setup setup, int client, int i, Acknowledged acknowledged) {
        String id = propose(api, "burst-" + client + "-" + i, setup.today());
        acknowledged.proposed.put(id, Boolean.FALSE);
        if (api.as("manager").post("/api/engagements/" + id + "/activate", (Object) null).status() == 200) {
            acknowledged.proposed.put(id, Boolean.TRUE);
        }
    }

    private static void pay(Api api, Setup setup, int i, Acknowledged acknowledged) {
        String invoice = setup.invoices().get(i % INVOICES);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", new BigDecimal("1.00"));
        body.put("currency", "EUR");
        body.put("date", setup.today().toString());
        body.put("reference", "burst " + i);
        Api.Response paid = api.as("finance").post("/api/invoices/" + invoice + "/payments", body);
        if (paid.status() == 201) {
            acknowledged.payments.put(paid.json().get("paymentId").asText(), invoice);
        }
    }

    private static void addSeat(Api api, Setup setup, int i, Acknowledged acknowledged) {
        String engagement = setup.engagements().get(i % INVOICES);
        Api.Response added = api.as("manager").post("/api/engagements/" + engagement + "/seats", Map.of(
                "professionalId", "burst-pro-" + i, "professionalName", "Sam Burst",
                "rate", new BigDecimal("7000.00"), "startDate", setup.today().toString()));
        if (added.status() == 201) {
            acknowledged.seats.put(added.json().get("seatId").asText(), engagement);
        }
    }

    private static String propose(Api api, String client, LocalDate start) {
        Api.Response created = api.as("manager").post("/api/engagements", Map.of(
                "clientId", client, "clientName", "Client " + client, "roleTitle", "Engineer",
                "currency", "EUR", "billingModel", "MONTHLY", "terms", Map.of("trialDays", 0),
                "seats", List.of(Map.of("professionalId", "pro-" + client, "professionalName", "Pat Doe",
                        "rate", new BigDecimal("9000.00"), "startDate", start.toString()))));
        if (created.status() != 201) {
            throw new IllegalStateException("proposal not acknowledged: " + created);
        }
        return created.json().get("id").asText();
    }

    private static void moveClockTo(Api api, LocalDate day) {
        Api.Response moved = api.as("admin").post("/api/admin/clock",
                Map.of("instant", day.atTime(9, 0).toInstant(ZoneOffset.UTC).toString()));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }

    private static int count(JdbcTemplate jdbc, String aggregate, String eventType) {
        return payloads(jdbc, aggregate, eventType).size();
    }

    private static List<String> payloads(JdbcTemplate jdbc, String aggregate, String eventType) {
        return jdbc.query("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? AND payloadType LIKE ?",
                (rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), aggregate, "%." + eventType);
    }

    /** What the killed application answered with a 2xx: engagements (true once activated), payments, seats. */
    private static final class Acknowledged {
        final Map<String, Boolean> proposed = new ConcurrentHashMap<>();
        final Map<String, String> payments = new ConcurrentHashMap<>();
        final Map<String, String> seats = new ConcurrentHashMap<>();

        void assertStored(JdbcTemplate jdbc) {
            proposed.forEach((id, activated) -> {
                assertThat(count(jdbc, id, "EngagementProposed")).as("acknowledged proposal " + id).isEqualTo(1);
                if (activated) {
                    assertThat(count(jdbc, id, "EngagementActivated")).as("acknowledged activation " + id)
                            .isEqualTo(1);
                }
            });
            payments.forEach((payment, invoice) -> assertThat(payloads(jdbc, invoice, "PaymentRecorded"))
                    .as("acknowledged payment " + payment).filteredOn(p -> p.contains(payment)).hasSize(1));
            seats.forEach((seat, engagement) -> assertThat(payloads(jdbc, engagement, "SeatAdded"))
                    .as("acknowledged seat " + seat).filteredOn(p -> p.contains(seat)).hasSize(1));
        }
    }
}
