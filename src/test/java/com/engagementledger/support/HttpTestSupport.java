package com.engagementledger.support;

import com.engagementledger.LedgerApplication;
import java.nio.file.Path;
import java.time.Instant;
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
