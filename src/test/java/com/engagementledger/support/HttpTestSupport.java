package com.engagementledger.support;

import com.engagementledger.LedgerApplication;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one application context that end-to-end HTTP tests share (so it starts once per test run): a real server on a
 * free port, the embedded stores in a fresh temporary directory, the test clock, one user per role, and metrics
 * exported as in production.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability
public abstract class HttpTestSupport {

    private static final Path DATA_DIR = TestDataDirs.create("http");

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    /**
     * The events stored, less those of IP transfers: the transfer policy stores them on its own processor a moment
     * after an invoice event, so counting them would make "this request stored nothing (or one event)" race with it.
     */
    protected long eventCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE type <> 'IpTransfer'",
                Long.class);
        return count == null ? 0 : count;
    }

    protected Instant now() {
        return Instant.parse(api.as("admin").get("/api/admin/clock").json().get("instant").asText());
    }

    /** A valid proposal body, to be varied by tests. */
    protected static Map<String, Object> proposal(String clientId, String startDate) {
        return new java.util.LinkedHashMap<>(Map.of(
                "clientId", clientId,
                "clientName", "Client " + clientId,
                "roleTitle", "Backend Engineer",
                "currency", "EUR",
                "billingModel", "MONTHLY",
                "seats", List.of(Map.of("professionalId", "pro-" + clientId, "professionalName", "Pat Doe",
                        "rate", 9000, "startDate", startDate))));
    }

    /** A valid proposal whose terms have no trial, so that it can be activated. */
    protected static Map<String, Object> proposalWithoutTrial(String clientId, String startDate) {
        Map<String, Object> proposal = proposal(clientId, startDate);
        proposal.put("terms", Map.of("trialDays", 0));
        return proposal;
    }

    /** Moves the test clock to 09:00 UTC of {@code day}. */
    protected void moveClockTo(LocalDate day) {
        Api.Response moved = api.as("admin").post("/api/admin/clock",
                Map.of("instant", day.atTime(9, 0).toInstant(ZoneOffset.UTC).toString()));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }

    /** Moves the clock to the first day of the next month and answers that month. */
    protected YearMonth startNextMonth() {
        YearMonth next = YearMonth.from(LocalDate.ofInstant(now(), ZoneOffset.UTC)).plusMonths(1);
        moveClockTo(next.atDay(1));
        return next;
    }

    /** An engagement without a trial whose one monthly seat starts, and which is active from, {@code start}. */
    protected String activeEngagement(String client, LocalDate start, String rate) {
        Map<String, Object> body = proposalWithoutTrial(client, start.toString());
        body.put("seats", List.of(Map.of("professionalId", "pro-" + client, "professionalName", "Pat Doe",
                "rate", new BigDecimal(rate), "startDate", start.toString())));
        return proposeAndActivate(body, start);
    }

    /** Proposes {@code proposal}, which must have no trial, activates it from {@code start} and returns its id. */
    protected String proposeAndActivate(Map<String, Object> proposal, LocalDate start) {
        Api.Response proposed = api.as("manager").post("/api/engagements", proposal);
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String id = proposed.json().get("id").asText();
        Api.Response activated = api.as("manager").post("/api/engagements/" + id + "/activate",
                Map.of("activationDate", start.toString()));
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        return id;
    }

    /** Proposes an engagement with the default 14-day trial and returns its id. */
    protected String propose(String clientId, String startDate) {
        return created(proposal(clientId, startDate));
    }

    /** Proposes an engagement without a trial and returns its id. */
    protected String proposeWithoutTrial(String clientId, String startDate) {
        return created(proposalWithoutTrial(clientId, startDate));
    }

    private String created(Map<String, Object> proposal) {
        Api.Response created = api.as("manager").post("/api/engagements", proposal);
        if (created.status() != 201) {
            throw new AssertionError("proposal refused: " + created);
        }
        return created.json().get("id").asText();
    }
}
