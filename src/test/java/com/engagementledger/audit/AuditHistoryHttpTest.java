package com.engagementledger.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.audit.api.AuditedAggregates;
import com.engagementledger.audit.api.ExportFormat;
import com.engagementledger.audit.api.HashChain;
import com.engagementledger.audit.history.AggregateStates;
import com.engagementledger.audit.offline.OfflineVerifier;
import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The audit history over HTTP (ADR 0029): one engagement's history with actors and reasons, the cross-cutting
 * filters of the audit index, paging by cursor, the state as of an instant, NDJSON and CSV exports, the offline
 * verification of an export (and of an altered, shortened or lengthened one, at the exact position), the record of
 * reading, and an audit mapping for every aggregate type there is.
 */
class AuditHistoryHttpTest extends HttpTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private AggregateStates states;

    @TempDir
    Path dir;

    @Test
    void oneEngagementsHistoryWithActorsReasonsAndHashes() {
        String id = engagement("history-client");
        assertThat(api.as("manager").post("/api/engagements/" + id + "/pause", (Object) null).status())
                .isEqualTo(200);
        AuditChainSupport.awaitChained(context());

        JsonNode page = api.as("auditor").get("/api/audit/events?aggregateType=engagement&aggregateId=" + id).json();
        JsonNode items = page.get("items");
        assertThat(items).hasSize(3);
        assertThat(page.get("nextCursor").isNull()).isTrue();
        assertThat(items.get(0).get("eventType").asText()).isEqualTo("EngagementProposed");
        assertThat(items.get(0).get("aggregateType").asText()).isEqualTo("engagement");
        assertThat(items.get(0).get("sequence").asLong()).isZero();
        assertThat(items.get(0).get("payload").get("clientId").asText()).isEqualTo("history-client");
        assertThat(items.get(0).get("metadata").get("actor").asText()).isEqualTo("manager");
        assertThat(items.get(0).get("metadata").get("roles").toString()).contains("ACCOUNT_MANAGER");
        assertThat(items.get(0).get("metadata").get("requestId").isNull()).isFalse();
        assertThat(items.get(2).get("eventType").asText()).isEqualTo("EngagementPaused");
        for (JsonNode item : items) {
            assertThat(item.get("hash").asText()).as(item.toString()).hasSize(64);
            assertThat(item.get("position").asLong()).isPositive();
        }
        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM audit_chain_link WHERE position = ? AND hash = ?",
                Long.class, items.get(1).get("position").asLong(), items.get(1).get("hash").asText());
        assertThat(stored).isEqualTo(1);

        JsonNode first = api.as("auditor").get("/api/audit/events?aggregateId=" + id + "&limit=2").json();
        assertThat(first.get("items")).hasSize(2);
        JsonNode rest = api.as("auditor").get("/api/audit/events?aggregateId=" + id + "&limit=2&cursor="
                + first.get("nextCursor").asText()).json();
        assertThat(rest.get("items")).hasSize(1);
        assertThat(rest.get("items").get(0).get("sequence").asLong()).isEqualTo(2);
        assertThat(rest.get("nextCursor").isNull()).isTrue();

        assertThat(api.as("auditor").get("/api/audit/events?aggregateType=replacement&aggregateId=" + id).json()
                .get("items")).isEmpty();
    }

    @Test
    void theAuditIndexFiltersByClientActorEventTypeAndTime() {
        String first = engagement("index-client");
        String second = engagement("index-client");
        engagement("index-other-client");
        AuditChainSupport.awaitChained(context());
        await().atMost(Duration.ofSeconds(30)).until(() -> items("clientId=index-client").size() == 4);

        List<JsonNode> client = items("clientId=index-client");
        assertThat(client).extracting(item -> item.get("aggregateId").asText())
                .containsExactly(first, first, second, second);
        assertThat(items("clientId=index-client&eventType=EngagementActivated")).hasSize(2);
        assertThat(items("clientId=index-client&eventType=com.engagementledger.engagement.api.EngagementActivated"))
                .hasSize(2);
        assertThat(items("actor=manager&aggregateId=" + first)).hasSize(2);
        assertThat(items("actor=nobody-at-all")).isEmpty();
        assertThat(items("eventType=EngagementProposed")).extracting(item -> item.get("aggregateId").asText())
                .contains(first, second);

        String proposedAt = client.get(0).get("timestamp").asText();
        String activatedAt = client.get(1).get("timestamp").asText();
        List<JsonNode> until = items("clientId=index-client&to=" + activatedAt);
        assertThat(until).allMatch(item -> Instant.parse(item.get("timestamp").asText())
                .isBefore(Instant.parse(activatedAt)));
        assertThat(items("clientId=index-client&from=" + proposedAt)).hasSize(4);

        JsonNode page = api.as("auditor").get("/api/audit/events?clientId=index-client&limit=3").json();
        assertThat(page.get("items")).hasSize(3);
        JsonNode next = api.as("auditor").get("/api/audit/events?clientId=index-client&limit=3&cursor="
                + page.get("nextCursor").asText()).json();
        assertThat(next.get("items")).hasSize(1);

        assertThat(api.as("auditor").get("/api/audit/events?aggregateType=ship").status()).isEqualTo(400);
        assertThat(api.as("auditor").get("/api/audit/events?from=yesterday").status()).isEqualTo(400);
        assertThat(api.as("auditor").get("/api/audit/events?cursor=%21%21").status()).isEqualTo(400);
        assertThat(api.as("manager").get("/api/audit/events").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/audit/events").status()).isEqualTo(401);
    }

    @Test
    void theStateAsOfAnInstantIsTheAggregateRebuiltByItsOwnHandlers() {
        String id = engagement("as-of-client");
        assertThat(api.as("manager").post("/api/engagements/" + id + "/pause", (Object) null).status())
                .isEqualTo(200);
        List<JsonNode> history = items("aggregateId=" + id);
        Instant proposed = Instant.parse(history.get(0).get("timestamp").asText());
        Instant activated = Instant.parse(history.get(1).get("timestamp").asText());
        Instant paused = Instant.parse(history.get(2).get("timestamp").asText());

        JsonNode atProposal = state("engagement", id, proposed).json();
        assertThat(atProposal.get("version").asLong()).isZero();
        assertThat(atProposal.get("state").get("status").asText()).isEqualTo("PROPOSED");
        assertThat(atProposal.get("state").get("engagementId").asText()).isEqualTo(id);
        assertThat(atProposal.get("aggregateType").asText()).isEqualTo("engagement");
        if (activated.isBefore(paused)) {
            JsonNode atActivation = state("engagement", id, activated).json();
            assertThat(atActivation.get("version").asLong()).isEqualTo(1);
            assertThat(atActivation.get("state").get("status").asText()).isEqualTo("ACTIVE");
        }
        JsonNode now = state("engagement", id, paused.plusSeconds(1)).json();
        assertThat(now.get("version").asLong()).isEqualTo(2);

        JsonNode before = state("engagement", id, proposed.minusSeconds(1)).json();
        assertThat(before.get("version").isNull()).isTrue();
        assertThat(before.get("state").isNull()).isTrue();

        assertThat(state("engagement", "no-such-engagement", paused).status()).isEqualTo(404);
        assertThat(state("replacement", id, paused).status()).as("an engagement is no replacement").isEqualTo(404);
        assertThat(state("invoice", id, paused).status()).isEqualTo(404);
        assertThat(api.as("auditor").get("/api/audit/engagement/" + id + "/state?asOf=last-month").status())
                .isEqualTo(400);
        assertThat(api.as("auditor").get("/api/audit/engagement/" + id + "/state").status()).isEqualTo(400);
        assertThat(api.as("auditor").get("/api/audit/ship/" + id + "/state?asOf=" + paused).status())
                .isEqualTo(400);
    }

    @Test
    void everyAggregateTypeHasAnAuditMappingAndAState() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Aggregate.class));
        List<String> types = new ArrayList<>();
        scanner.findCandidateComponents("com.engagementledger").forEach(candidate -> {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                String name = type.getAnnotation(Aggregate.class).type();
                types.add(name.isEmpty() ? type.getSimpleName() : name);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(types).contains("Engagement", "Replacement");
        for (String type : types) {
            assertThat(AuditedAggregates.covers(type)).as(type + " has an audit aggregate type").isTrue();
            assertThat(states.types()).as(type + " can be rebuilt as of an instant").contains(type);
        }
    }

    @Test
    void anExportVerifiesOfflineAndAnyChangedLineIsFoundAtItsPosition() throws Exception {
        engagement("export-client");
        AuditChainSupport.awaitChained(context());
        Api.Response export = api.as("auditor").header("Accept", "application/x-ndjson").get("/api/audit/events");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        List<String> lines = export.body().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).anyMatch(line -> line.startsWith("{\"checkpoint\""));
        JsonNode firstEvent = JSON.readTree(lines.get(0));
        assertThat(firstEvent.get("position").asLong()).isEqualTo(1);
        assertThat(firstEvent.get("eventType").asText()).startsWith("com.engagementledger.");
        assertThat(firstEvent.has("eventId")).isTrue();
        List<Path> keys = publicKeys(lines);

        assertThat(verify(lines, keys)).startsWith("0 OK");

        int target = eventLine(lines, lines.size() / 2);
        long position = JSON.readTree(lines.get(target)).get("position").asLong();
        List<String> altered = new ArrayList<>(lines);
        ObjectNode changed = (ObjectNode) JSON.readTree(lines.get(target));
        ((ObjectNode) changed.get("metadata")).put("actor", "someone-else");
        altered.set(target, JSON.writeValueAsString(changed));
        assertThat(verify(altered, keys)).startsWith("1 FAILED at position " + position + ":").contains("altered");

        List<String> removed = new ArrayList<>(lines);
        removed.remove(target);
        assertThat(verify(removed, keys)).startsWith("1 FAILED at position " + position + ":").contains("removed");

        List<String> inserted = new ArrayList<>(lines);
        ObjectNode copy = (ObjectNode) JSON.readTree(lines.get(target));
        copy.put("eventId", "an-inserted-event");
        inserted.add(target + 1, JSON.writeValueAsString(copy));
        assertThat(verify(inserted, keys)).startsWith("1 FAILED at position " + position + ":").contains("inserted");

        Path other = dir.resolve("other.pem");
        Files.writeString(other, com.engagementledger.audit.api.SigningKeys.publicPem(
                com.engagementledger.audit.api.SigningKeys.generate().getPublic()));
        assertThat(verify(lines, List.of(other))).startsWith("1 FAILED").contains("not known");

        // checkpoint-every of the test profile: deleted checkpoint lines show only when the verifier is told it
        int firstCheckpoint = lines.indexOf(lines.stream().filter(line -> line.startsWith("{\"checkpoint\""))
                .findFirst().orElseThrow());
        List<String> checkpointsDeleted = new ArrayList<>(lines.subList(0, firstCheckpoint + 1));
        lines.subList(firstCheckpoint + 1, lines.size()).stream()
                .filter(line -> !line.startsWith("{\"checkpoint\"")).forEach(checkpointsDeleted::add);
        assertThat(verify(lines, keys, "--checkpoint-every", "5")).startsWith("0 OK");
        long firstCheckpointPosition = JSON.readTree(lines.get(firstCheckpoint)).get("checkpoint").get("position")
                .asLong();
        assertThat(verify(checkpointsDeleted, keys)).startsWith("1 FAILED at position "
                + (firstCheckpointPosition + 1) + ":").contains("follow the last signed checkpoint");
        assertThat(verify(checkpointsDeleted, keys, "--checkpoint-every", "5")).startsWith("1 FAILED")
                .contains("were deleted");
    }

    @Test
    void anExportEndsWithACheckpointSignedAtItsLastPositionAndNothingUnsignedVerifies() throws Exception {
        engagement("sealed-client");
        AuditChainSupport.awaitChained(context());
        List<String> lines = api.as("auditor").header("Accept", "application/x-ndjson").get("/api/audit/events")
                .body().lines().filter(line -> !line.isBlank()).toList();
        List<Path> keys = publicKeys(lines);
        JsonNode seal = JSON.readTree(lines.get(lines.size() - 1));
        assertThat(seal.has("checkpoint")).as(lines.get(lines.size() - 1)).isTrue();
        long end = seal.get("checkpoint").get("position").asLong();
        assertThat(JSON.readTree(lines.get(lines.size() - 2)).get("position").asLong()).isEqualTo(end);
        assertThat(verify(lines, keys)).startsWith("0 OK").contains("up to position " + end);
        // the checkpoint before the seal: what a cut-off or rewritten end falls back to
        long covered = 0;
        for (String line : lines.subList(0, lines.size() - 1)) {
            if (line.startsWith("{\"checkpoint\"")) {
                covered = JSON.readTree(line).get("checkpoint").get("position").asLong();
            }
        }

        // an event's metadata changed, every hash recomputed, every checkpoint line deleted
        List<String> forged = new ArrayList<>();
        int target = eventLine(lines, lines.size() / 2);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("{\"checkpoint\"")) {
                continue;
            }
            if (i == target) {
                ObjectNode changed = (ObjectNode) ExportFormat.MAPPER.readTree(lines.get(i));
                ((ObjectNode) changed.get("metadata")).put("actor", "someone-else");
                forged.add(ExportFormat.MAPPER.writeValueAsString(changed));
            } else {
                forged.add(lines.get(i));
            }
        }
        assertThat(verify(recomputeHashes(forged), keys)).startsWith("1 FAILED at position 1:")
                .contains("no signed checkpoint");

        assertThat(verify(List.of(), keys)).startsWith("1 FAILED at position 1:").contains("no event");

        // the last event rewritten, hashes recomputed, the checkpoint that signed it left out
        List<String> rewritten = new ArrayList<>(lines.subList(0, lines.size() - 1));
        int last = rewritten.size() - 1;
        ObjectNode changed = (ObjectNode) ExportFormat.MAPPER.readTree(rewritten.get(last));
        ((ObjectNode) changed.get("metadata")).put("actor", "someone-else");
        rewritten.set(last, ExportFormat.MAPPER.writeValueAsString(changed));
        assertThat(verify(recomputeHashes(rewritten), keys)).startsWith("1 FAILED at position " + (covered + 1)
                + ":").contains("follow the last signed checkpoint (position " + covered + ")");

        // the end cut off
        assertThat(verify(lines.subList(0, lines.size() - 1), keys)).startsWith("1 FAILED at position "
                + (covered + 1) + ":").contains("positions " + (covered + 1) + " to " + end);
    }

    /** The lines with every event's hash recomputed from the genesis link, as a forger would. */
    private static List<String> recomputeHashes(List<String> lines) throws IOException {
        List<String> recomputed = new ArrayList<>();
        byte[] head = HashChain.GENESIS;
        for (String line : lines) {
            ObjectNode node = (ObjectNode) ExportFormat.MAPPER.readTree(line);
            if (node.has("eventId")) {
                head = HashChain.link(head, ExportFormat.readEvent(node));
                node.put("hash", HashChain.hex(head));
                recomputed.add(ExportFormat.MAPPER.writeValueAsString(node));
            } else {
                recomputed.add(line);
            }
        }
        return recomputed;
    }

    @Test
    void theVerifyCommandOfTheApplicationRunsWithoutSpringOrADatabase() throws Exception {
        engagement("command-client");
        AuditChainSupport.awaitChained(context());
        Path export = dir.resolve("export.ndjson");
        Files.writeString(export, api.as("auditor").header("Accept", "application/x-ndjson")
                .get("/api/audit/events").body());
        List<String> arguments = new ArrayList<>(List.of("verify", "--events", export.toString()));
        for (Path key : publicKeys(Files.readAllLines(export))) {
            arguments.addAll(List.of("--public-key", key.toString()));
        }

        Process ok = command(arguments.toArray(String[]::new));
        assertThat(ok.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ok.exitValue()).as(out).isZero();
        assertThat(out).startsWith("OK: ").doesNotContain("Spring");

        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        int target = eventLine(lines, 0);
        long position = JSON.readTree(lines.get(target)).get("position").asLong();
        lines.set(target, lines.get(target).replace("\"clientId\":\"", "\"clientId\":\"x"));
        Files.write(export, lines);
        Process bad = command(arguments.toArray(String[]::new));
        assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(1);
        assertThat(new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .startsWith("FAILED at position " + position + ":");
    }

    @Test
    void aCsvExportHasOneRowPerEventAndEveryReadingIsRecorded() {
        String id = engagement("csv-client");
        Api.Response csv = api.as("auditor").header("Accept", "text/csv")
                .get("/api/audit/events?aggregateId=" + id);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> rows = csv.body().lines().toList();
        assertThat(rows.get(0)).startsWith("position,timestamp,aggregateType,aggregateId,sequence,eventType");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).contains(",engagement," + id + ",0,EngagementProposed,").contains(",manager,");

        api.as("auditor").get("/api/audit/events?actor=recorded-reading&limit=5");
        // a refused attempt to read is evidence too
        assertThat(api.as("finance").get("/api/audit/events?actor=refused-reading").status()).isEqualTo(403);
        List<JsonNode> log = accessLog();
        assertThat(log).anyMatch(entry -> entry.get("actor").asText().equals("auditor")
                && entry.get("endpoint").asText().equals("GET /api/audit/events")
                && entry.get("filter").asText().equals("actor=recorded-reading&limit=5")
                && entry.get("roles").asText().equals("AUDITOR")
                && entry.get("status").asInt() == 200);
        assertThat(log).anyMatch(entry -> entry.get("filter").asText().equals("aggregateId=" + id));
        assertThat(log).anyMatch(entry -> entry.get("actor").asText().equals("finance")
                && entry.get("filter").asText().equals("actor=refused-reading")
                && entry.get("status").asInt() == 403);
        assertThat(api.as("finance").get("/api/audit/access-log").status()).isEqualTo(403);
        assertThat(accessLog()).anyMatch(entry -> entry.get("actor").asText().equals("finance")
                && entry.get("endpoint").asText().equals("GET /api/audit/access-log")
                && entry.get("status").asInt() == 403);
    }

    @Test
    void aFilterValueOrCursorOfAnyTextIsAnAnswerNeverAServerError() {
        engagement("stark");
        await().atMost(Duration.ofSeconds(30)).until(() -> !items("clientId=stark").isEmpty());
        for (String query : List.of("clientId=stark%230", "actor=demo-seed%230", "eventType=EngagementProposed%230",
                "clientId=stark%231%25")) {
            assertThat(items(query)).as(query).isEmpty();
            Api.Response ndjson = api.as("auditor").header("Accept", "application/x-ndjson")
                    .get("/api/audit/events?" + query);
            assertThat(ndjson.status()).as(query).isEqualTo(200);
            assertThat(ndjson.body()).as(query).isBlank();
        }

        Api.Response overflow = api.as("auditor").get("/api/audit/access-log?cursor=9999999999999999999");
        assertThat(overflow.status()).as(overflow.toString()).isEqualTo(400);
        assertThat(overflow.contentType()).startsWith("application/problem+json");
        assertThat(overflow.body()).contains("cursor");
    }

    @Test
    void aRefusedKeyRotationIsRecordedLikeARefusedReading() {
        assertThat(api.as("manager").post("/api/admin/audit/keys/rotate", (Object) null).status()).isEqualTo(403);
        assertThat(api.as("auditor").post("/api/admin/audit/keys/rotate", (Object) null).status()).isEqualTo(403);

        List<JsonNode> log = accessLog();
        for (String actor : List.of("manager", "auditor")) {
            assertThat(log).as(actor).anyMatch(entry -> entry.get("actor").asText().equals(actor)
                    && entry.get("endpoint").asText().equals("POST /api/admin/audit/keys/rotate")
                    && entry.get("status").asInt() == 403);
        }
    }

    private List<JsonNode> accessLog() {
        List<JsonNode> log = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.as("auditor").get("/api/audit/access-log?limit=50"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(log::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return log;
    }

    private org.springframework.context.ConfigurableApplicationContext context() {
        return (org.springframework.context.ConfigurableApplicationContext) applicationContext;
    }

    @Autowired
    private org.springframework.context.ApplicationContext applicationContext;

    private String engagement(String clientId) {
        String today = AuditChainSupport.today(api);
        Api.Response created = api.as("manager").post("/api/engagements", proposalWithoutTrial(clientId, today));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(api.as("manager").post("/api/engagements/" + id + "/activate", (Object) null).status())
                .isEqualTo(200);
        return id;
    }

    private List<JsonNode> items(String query) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response response = api.as("auditor").get("/api/audit/events?limit=1000&" + query
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            response.json().get("items").forEach(all::add);
            JsonNode next = response.json().get("nextCursor");
            cursor = next.isNull() ? null : next.asText();
        } while (cursor != null);
        return all;
    }

    private Api.Response state(String type, String id, Instant asOf) {
        return api.as("auditor").get("/api/audit/" + type + "/" + id + "/state?asOf=" + asOf);
    }

    private static int eventLine(List<String> lines, int from) throws IOException {
        for (int i = from; i < lines.size(); i++) {
            if (JSON.readTree(lines.get(i)).has("eventId")) {
                return i;
            }
        }
        throw new AssertionError("no event line after " + from);
    }

    /** The public key of every key that signed a checkpoint of the export (other tests rotate the key), as files. */
    private List<Path> publicKeys(List<String> lines) throws IOException {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (String line : lines) {
            JsonNode node = line.isBlank() ? null : JSON.readTree(line);
            if (node != null && node.has("checkpoint")) {
                ids.add(node.get("checkpoint").get("keyId").asText());
            }
        }
        List<Path> keys = new ArrayList<>();
        for (String id : ids) {
            Path key = dir.resolve(id + ".pem");
            Files.writeString(key, api.as("auditor").get("/api/audit/public-key?keyId=" + id).body());
            keys.add(key);
        }
        return keys;
    }

    /** The offline verifier on {@code lines}: its exit status and what it printed. */
    private String verify(List<String> lines, List<Path> keys, String... options) throws IOException {
        Path export = Files.createTempFile(dir, "export", ".ndjson");
        Files.write(export, lines);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("--events", export.toString()));
        keys.forEach(key -> arguments.addAll(List.of("--public-key", key.toString())));
        arguments.addAll(List.of(options));
        int status = OfflineVerifier.run(arguments, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        return status + " " + out.toString(StandardCharsets.UTF_8);
    }

    /** The application's main class in a JVM of its own, as {@code java -jar} runs it. */
    private static Process command(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"),
                "com.engagementledger.LedgerApplication"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
