package com.engagementledger.platform.store;

import static com.engagementledger.support.RunningLedger.databaseProduct;
import static com.engagementledger.support.RunningLedger.port;
import static com.engagementledger.support.RunningLedger.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.support.Api;
import com.engagementledger.support.PostgresDatabase;
import com.engagementledger.support.PreparedStore;
import com.engagementledger.support.ReadModelHashes;
import com.engagementledger.support.RequiresPostgres;
import com.engagementledger.support.TcpProxy;
import com.engagementledger.support.TestDataDirs;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL "restarts" under load (issue 11 item 4): a TCP proxy between the application and the machine's
 * PostgreSQL drops every connection and refuses new ones for a few seconds while clients keep sending commands. The
 * application recovers by itself (commands succeed again, without a restart), every command it acknowledged is in
 * the event store, and what failed during the outage failed as a 503 problem that invites a retry, never a 500.
 * Commands whose connection was cut fail; those that arrive while the database is away wait for a connection (the
 * pool's connection timeout, 30 s) and mostly succeed once it is back.
 */
@RequiresPostgres
class PostgresOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(6);

    @Test
    void theApplicationRidesOutAPostgresRestartAndLosesNothingAcknowledged() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create("outage");
             TcpProxy proxy = PostgresDatabase.proxy()) {
            PreparedStore store = new PreparedStore(List.of("postgres"), database.argumentsThrough(proxy), () -> { });
            try (ConfigurableApplicationContext app = start("test", TestDataDirs.create("outage"), store)) {
                assertThat(databaseProduct(app)).isEqualTo("PostgreSQL");
                Api api = new Api(port(app));
                String today = LocalDate.ofInstant(Instant.parse(api.as("admin").get("/api/admin/clock").json()
                        .get("instant").asText()), ZoneOffset.UTC).toString();
                Queue<Api.Response> responses = new ConcurrentLinkedQueue<>();
                Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService clients = Executors.newFixedThreadPool(3);
                List<Future<?>> running = new ArrayList<>();
                for (int client = 0; client < 3; client++) {
                    int c = client;
                    running.add(clients.submit(() -> {
                        for (int i = 0; !stop.get(); i++) {
                            // one client sends Idempotency-Keys, whose filter reads the database before MVC
                            Api.Response response = propose(c == 0 ? api.as("manager").header("Idempotency-Key",
                                    "outage-" + i) : api.as("manager"), "outage-" + c + "-" + i, today);
                            responses.add(response);
                            if (response.status() == 201) {
                                acknowledged.add(response.json().get("id").asText());
                            }
                        }
                    }));
                }
                try {
                    await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 10);
                    proxy.cutOff();
                    int beforeOutage = acknowledged.size();
                    Thread.sleep(OUTAGE.toMillis());
                    assertThat(responses).as("requests failed while PostgreSQL was away")
                            .anyMatch(r -> r.status() == 503);
                    proxy.restore();
                    int afterOutage = acknowledged.size();
                    await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                            .until(() -> acknowledged.size() >= afterOutage + 10);
                    assertThat(acknowledged.size()).as("commands succeed again").isGreaterThan(beforeOutage);
                } finally {
                    stop.set(true);
                    for (Future<?> client : running) {
                        client.get(60, TimeUnit.SECONDS);
                    }
                    clients.shutdown();
                }

                assertThat(responses).as("every answer: created, or a 503 problem during the outage")
                        .allSatisfy(r -> {
                            assertThat(r.status()).as(r.toString()).isIn(201, 503);
                            if (r.status() == 503) {
                                assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
                                assertThat(r.header("Retry-After")).as(r.toString()).isNotNull();
                            }
                        });
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                for (String id : acknowledged) {
                    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier"
                            + " = ?", Long.class, id)).as("acknowledged proposal " + id).isEqualTo(1L);
                }
                ReadModelHashes.awaitCaughtUp(api);
                assertThat(api.as("auditor").get("/actuator/health").status()).as("healthy again").isEqualTo(200);
                System.out.printf("PostgreSQL outage: %d requests, %d acknowledged, %d answered 503%n",
                        responses.size(), acknowledged.size(), responses.stream().filter(r -> r.status() == 503)
                                .count());
            }
        }
    }

    private static Api.Response propose(Api.Call call, String client, String start) {
        return call.post("/api/engagements", Map.of(
                "clientId", client, "clientName", "Client " + client, "roleTitle", "Engineer",
                "currency", "EUR", "billingModel", "MONTHLY",
                "seats", List.of(Map.of("professionalId", "pro-" + client, "professionalName", "Pat Doe",
                        "rate", new BigDecimal("9000.00"), "startDate", start))));
    }
}
