package com.engagementledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementledger.platform.security.DeclaredRoles;
import com.engagementledger.platform.security.Roles;
import com.engagementledger.support.Api;
import com.engagementledger.support.HttpTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.TestContextManager;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Malformed requests, generated, against every POST operation the application documents at {@code /v3/api-docs}
 * (so that a new endpoint is in this test the moment it is documented): broken JSON, wrong types, missing, null,
 * over-long, out-of-range and hidden-character values derived from each operation's request schema, impossible
 * dates, unknown currencies, bodies over 1 MB, wrong content types, malformed and unknown ids. Each is sent by a user
 * whose role the endpoint allows, so that what is tested is validation, not authorization, and each must get a 4xx
 * problem document and store nothing: no event, no idempotency key. A failure prints jqwik's seed; the next run
 * replays it first (jqwik's database, junit-platform.properties).
 *
 * <p>The application context is the one every HTTP test shares: jqwik is not a JUnit Jupiter extension host, so the
 * Spring test context is asked for this instance by hand, with the same configuration as {@link HttpTestSupport}.
 */
class BadInputPropertyTest extends HttpTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** The test users (application-test.yml), one per role. */
    private static final Map<String, String> USER_OF_ROLE = Map.of(Roles.ACCOUNT_MANAGER, "manager",
            Roles.FINANCE, "finance", Roles.ADMIN, "admin", Roles.AUDITOR, "auditor");

    /**
     * Operations this suite leaves out, each with its reason; a case of an operation may be left out only here, by
     * name, never by loosening what every request must get.
     */
    private static final Map<String, String> EXCLUDED = Map.of();

    /** Characters every name and text refuses (PlainText): controls, bidirectional overrides and isolates, BOM. */
    private static final List<String> HIDDEN = List.of("\u0000", "\u0007", "\u001b", "\u007f", "\u202e",
            "\u2066", "\u200f", "\ufeff", "\u2028", "\ud800", "\uffff", "\ue000");

    private static final List<String> IMPOSSIBLE_DATES = List.of("2027-02-30", "2027-13-01", "2027-00-10",
            "2027-04-31", "2026-02-29", "garbage", "2027-1-1", "27-01-01", "2027/01/01", "01.02.2027", "",
            "2027-01-01T00:00:00Z", "+2027-01-01", "99999-01-01", "2027-01-01 ");
    private static final List<String> IMPOSSIBLE_INSTANTS = List.of("2027-02-30T00:00:00Z", "2027-13-01T00:00:00Z",
            "2027-01-01T25:00:00Z", "2027-01-01", "garbage", "", "2027-01-01T00:00:00", "1e9");
    private static final List<String> UNKNOWN_CURRENCIES = List.of("XYZ", "eur", "EURO", "E1R", "", "XXX", "€");
    private static final List<String> MALFORMED_IDS = List.of("bad%20id", "%00", "%E2%80%AE", "%FF", "%20",
            "x".repeat(300), "..", "%2E%2E", "%2F", "%7Bid%7D", "-1", "null", "%0A", "%5C", "a;b=c", "%25");
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "application/octet-stream", "multipart/form-data; boundary=x",
            "text/html", "image/png", "", "json", "application/", "*/*", "application/*",
            "application/json; charset=ISO-8859-1", "application/json; charset=nonsense",
            "application/json; charset=\"utf-8", "application/json, text/plain", "text/plain; charset=utf-8");
    private static final List<String> NOT_JSON = List.of("{", "}", "{\"a\":}", "{'a':'b'}", "{\"a\":1,}",
            "{\"a\" 1}", "nul", "<xml/>", "a=b&c=d", "\u0000", "{\"a\":\"\\x\"}", "{\"a\":01}", "[1,]", "{a:1}",
            "{\"a\":NaN}", "{/* comment */}");
    private static final List<String> WRONG_TOP_LEVEL = List.of("[]", "[{}]", "42", "\"text\"", "null", "true",
            "-0.5");
    /** Numbers that are money by their name: none of them is zero, negative or finer than a cent. */
    private static final Pattern MONEY = Pattern.compile("(?i)amount|rate$|price|fee|total");
    /** The name a map's entries go by in a field's path, as no property can be named. */
    private static final String MAP_ENTRY = "<entry>";
    /** Where the resources' setup leaves the clock's day. */
    private static final String TODAY = "<today>";
    private static final int ONE_MEGABYTE = 1024 * 1024;

    private static Catalog catalog;
    private static final Map<String, LongAdder> PER_OPERATION = new ConcurrentSkipListMap<>();
    private static final Map<String, LongAdder> PER_KIND = new ConcurrentSkipListMap<>();
    private static final Map<Integer, LongAdder> PER_STATUS = new ConcurrentSkipListMap<>();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /** One POST operation as documented, with the user to send it as and the ids that exist for its path. */
    record Operation(String pattern, String user, JsonNode bodySchema, boolean bodyRequired, JsonNode base,
                     Map<String, String> existingIds) {
        String key() {
            return "POST " + pattern;
        }
    }

    /** A malformed request: what kind of malformation, and the request as it goes on the wire. */
    record BadRequest(Operation operation, String kind, String field, String path, String contentType,
                      String body, String idempotencyKey) {
        @Override
        public String toString() {
            String shown = body == null ? "(no body)" : visible(body.length() > 300
                    ? body.substring(0, 300) + "... (" + body.length() + " chars)" : body);
            return kind + (field == null ? "" : " (" + field + ")") + ": " + operation.user() + " POST " + path
                    + " [" + contentType + "]"
                    + (idempotencyKey == null ? "" : " Idempotency-Key " + visible(abbreviate(idempotencyKey)))
                    + " " + shown;
        }
    }

    /** The documented POST operations, and the OpenAPI document their schemas refer into. */
    record Catalog(List<Operation> operations, JsonNode document) {
    }

    @BeforeProperty
    void joinTheSharedContext() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        api = new Api(port);
        if (catalog == null) {
            catalog = readCatalog();
        }
    }

    @AfterContainer
    static void printSummary() {
        if (PER_OPERATION.isEmpty()) {
            return;
        }
        StringBuilder summary = new StringBuilder("Bad-input suite: ")
                .append(PER_OPERATION.values().stream().mapToLong(LongAdder::sum).sum()).append(" requests\n");
        summary.append("  by status: ").append(PER_STATUS).append('\n');
        summary.append("  by kind:   ").append(PER_KIND).append('\n');
        PER_OPERATION.forEach((operation, count) -> summary.append("  ").append(count).append("  ")
                .append(operation).append('\n'));
        System.out.print(summary);
        for (Operation operation : catalog.operations()) {
            if (!EXCLUDED.containsKey(operation.key())) {
                assertThat(PER_OPERATION).as("operations sent malformed requests").containsKey(operation.key());
            }
        }
    }

    @Property(tries = 2000, shrinking = ShrinkingMode.BOUNDED, afterFailure = AfterFailureMode.SAMPLE_FIRST,
            edgeCases = EdgeCasesMode.NONE)
    void everyMalformedPostGetsAProblemAndStoresNothing(@ForAll("malformedPosts") BadRequest request) {
        long events = eventCount();
        long keys = idempotencyKeys();
        Api.Call call = api.as(request.operation().user()).header("Content-Type", request.contentType());
        if (request.idempotencyKey() != null) {
            call.header("Idempotency-Key", request.idempotencyKey());
        }
        Api.Response response = call.post(request.path(), request.body());
        PER_OPERATION.computeIfAbsent(request.operation().key(), k -> new LongAdder()).increment();
        PER_KIND.computeIfAbsent(request.kind(), k -> new LongAdder()).increment();
        PER_STATUS.computeIfAbsent(response.status(), k -> new LongAdder()).increment();

        String what = request + "\n  -> " + response.status() + " " + visible(abbreviate(response.body()));
        assertThat(response.status()).as(what).isBetween(400, 499).isNotIn(401, 403);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.status());
        assertThat(problem.path("detail").asText()).as(what).isNotBlank();
        assertThat(eventCount()).as("events stored by " + what).isEqualTo(events);
        assertThat(idempotencyKeys()).as("idempotency keys kept for " + what).isEqualTo(keys);
    }

    /** Every POST handler is documented, so that enumerating the document enumerates the API. */
    @Example
    void everyPostEndpointIsInTheOpenApiDocument() {
        Set<String> documented = new TreeSet<>();
        catalog.operations().forEach(operation -> documented.add(operation.key()));
        EXCLUDED.keySet().forEach(documented::add);
        assertThat(documented).containsAll(postHandlers().keySet());
        assertThat(documented).hasSizeGreaterThan(40);
    }

    @Provide
    Arbitrary<BadRequest> malformedPosts() {
        List<Arbitrary<BadRequest>> perOperation = new ArrayList<>();
        for (Operation operation : catalog.operations()) {
            if (!EXCLUDED.containsKey(operation.key())) {
                perOperation.add(malformed(operation));
            }
        }
        return Arbitraries.oneOf(perOperation);
    }

    private long idempotencyKeys() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_keys", Long.class);
        return count == null ? 0 : count;
    }

    // ---- the catalog, from the application's own OpenAPI document and handler mappings ----

    private Catalog readCatalog() {
        Api.Response docs = api.anonymous().get("/v3/api-docs");
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        JsonNode document = docs.json();
        Map<String, Set<String>> roles = postHandlers();
        Map<String, String> existing = existingIds();
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            JsonNode post = path.getValue().get("post");
            if (post == null) {
                return;
            }
            String pattern = path.getKey();
            Set<String> allowed = roles.get("POST " + pattern);
            assertThat(allowed).as("roles of POST " + pattern).isNotNull().isNotEmpty();
            String user = allowed.stream().filter(USER_OF_ROLE::containsKey).sorted().findFirst()
                    .map(USER_OF_ROLE::get).orElseThrow(() -> new AssertionError("no test user for " + allowed));
            JsonNode media = post.path("requestBody").path("content").path("application/json");
            JsonNode schema = media.isMissingNode() ? null : resolve(document, media.path("schema"));
            boolean required = post.path("requestBody").path("required").asBoolean(false);
            JsonNode base = schema == null ? null : media.path("examples").path("example").has("value")
                    ? media.path("examples").path("example").get("value") : sample(document, schema, 0);
            Map<String, String> ids = new LinkedHashMap<>();
            Matcher variables = PATH_VARIABLE.matcher(pattern);
            while (variables.find()) {
                String prefix = pattern.substring(0, variables.start()) + variables.group(1);
                ids.put(variables.group(1), existing.get(prefix));
            }
            if (base != null) {
                base = withExistingIds(base.deepCopy(), existing);
            }
            operations.add(new Operation(pattern, user, schema, required, base, ids));
        });
        return new Catalog(List.copyOf(operations), document);
    }

    private Map<String, Set<String>> postHandlers() {
        Map<String, Set<String>> handlers = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            // the console's forms (ADR 0041) are pages, not API operations: they are tested in the browser
            if (!DeclaredRoles.applies(entry.getValue()) || ApiPaths.browserPage(entry.getValue())
                    || !entry.getKey().getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                continue;
            }
            Set<String> roles = DeclaredRoles.of(entry.getValue()).orElse(Set.of());
            entry.getKey().getPatternValues().forEach(pattern -> handlers.put("POST " + pattern, roles));
        }
        return handlers;
    }

    /**
     * Resources that exist, so that body mutations reach the checks behind "is there such a resource": an engagement
     * active since the first of last month, its seat, last month's issued invoice, and an open replacement of the
     * seat with a candidate, named by the path up to and including the variable they fill (and by the body fields
     * that name them).
     */
    private Map<String, String> existingIds() {
        YearMonth period = YearMonth.from(LocalDate.ofInstant(now(), ZoneOffset.UTC)).plusMonths(1);
        moveClockTo(period.atDay(1));
        Map<String, Object> proposal = proposalWithoutTrial("bad-input-property", period.atDay(1).toString());
        String engagement = created(api.as("manager").post("/api/engagements", proposal), "id");
        ok(api.as("manager").post("/api/engagements/" + engagement + "/activate",
                Map.of("activationDate", period.atDay(1).toString())));
        JsonNode active = await().until(() -> api.as("auditor").get("/api/engagements/" + engagement).json(),
                view -> view.path("status").asText().equals("ACTIVE"));
        String seat = active.get("seats").get(0).get("seatId").asText();

        moveClockTo(period.plusMonths(1).atDay(3));
        String invoice = created(api.as("finance").post("/api/invoices/drafts",
                Map.of("engagementId", engagement, "period", period.toString())), "invoiceId");
        ok(api.as("finance").post("/api/invoices/" + invoice + "/issue", (String) null));

        String replacement = created(api.as("manager").post("/api/engagements/" + engagement + "/replacements",
                Map.of("seatId", seat, "reason", "NON_PERFORMANCE", "note", "Misses commitments")), "replacementId");
        String candidate = created(api.as("manager").post("/api/replacements/" + replacement + "/candidates",
                Map.of("professionalId", "pro-bad-input-candidate", "professionalName", "Erin Walsh")),
                "candidateId");
        return Map.of("/api/engagements/id", engagement, "/api/engagements/{id}/seats/seatId", seat,
                "/api/invoices/id", invoice, "/api/replacements/id", replacement,
                "/api/replacements/{id}/candidates/candidateId", candidate,
                "engagementId", engagement, "seatId", seat, TODAY, period.plusMonths(1).atDay(3).toString());
    }

    private static String created(Api.Response response, String idField) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get(idField).asText();
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /**
     * The body with the engagement and seat it names made the ones that exist, wherever it names them, and its days
     * today: the examples' days are years ahead, which a payment or a pause refuses before the rule a case breaks.
     */
    private static JsonNode withExistingIds(JsonNode body, Map<String, String> existing) {
        if (body instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (existing.containsKey(name) && object.get(name).isTextual()) {
                    object.put(name, existing.get(name));
                } else if (object.get(name).isTextual() && object.get(name).asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
                    object.put(name, existing.get(TODAY));
                } else {
                    withExistingIds(object.get(name), existing);
                }
            }
        } else if (body instanceof ArrayNode array) {
            array.forEach(element -> withExistingIds(element, existing));
        }
        return body;
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode current = schema;
        while (current != null && current.has("$ref")) {
            String ref = current.get("$ref").asText();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    /** A value the schema describes, for operations without a documented example. */
    private static JsonNode sample(JsonNode document, JsonNode schema, int depth) {
        JsonNode s = resolve(document, schema);
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        switch (type(s)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 6) {
                    s.path("properties").fields().forEachRemaining(property ->
                            object.set(property.getKey(), sample(document, property.getValue(), depth + 1)));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 6 && s.has("items")) {
                    array.add(sample(document, s.get("items"), depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(1);
            }
            case "number" -> {
                return NODES.numberNode(BigDecimal.ONE);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                String format = s.path("format").asText();
                return NODES.textNode(format.equals("date") ? "2027-03-01"
                        : format.equals("date-time") ? "2027-03-01T00:00:00Z"
                        : format.equals("uuid") ? "3f6d2a4e-9c1b-4e8a-b7d5-2c9e8f1a6b40" : "x");
            }
        }
    }

    /** The schema's type; OpenAPI 3.1 may give a list (with "null" for a nullable value). */
    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            type = schema.get("types");
        }
        if (type == null) {
            return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
        }
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
        }
        return type.asText();
    }

    // ---- generators ----

    private Arbitrary<BadRequest> malformed(Operation operation) {
        List<Arbitrary<BadRequest>> kinds = new ArrayList<>();
        Arbitrary<BadRequest> fields = null;
        String body = operation.base() == null ? null : operation.base().toString();
        Arbitrary<String> key = Arbitraries.longs().between(0, Long.MAX_VALUE).injectNull(0.5)
                .map(n -> n == null ? null : "bad-input-" + n);
        Arbitrary<String> path = paths(operation);
        if (operation.bodySchema() != null) {
            kinds.add(Arbitraries.of(NOT_JSON).flatMap(text -> request(operation, "not JSON", path, text, key)));
            kinds.add(Arbitraries.integers().between(1, Math.max(1, body.length() - 1))
                    .flatMap(cut -> request(operation, "truncated JSON", path, body.substring(0, cut), key)));
            kinds.add(Arbitraries.of(" x", "}", " {}", ",", "]", " null", "\u0000", " //")
                    .flatMap(tail -> request(operation, "trailing garbage", path, body + tail, key)));
            // JSON's null is no body, which an operation whose body is optional takes
            kinds.add(parserLimits(operation, path, key));
            kinds.add(Arbitraries.of(WRONG_TOP_LEVEL.stream()
                            .filter(top -> operation.bodyRequired() || !top.equals("null")).toList())
                    .flatMap(top -> request(operation, "wrong top-level type", path, top, key)));
            if (operation.base().isObject() && operation.base().size() > 0) {
                kinds.add(duplicateKeys(operation, path, key));
            }
            if (operation.bodyRequired()) {
                kinds.add(request(operation, "no body", path, null, key));
            }
            kinds.add(Arbitraries.of(WRONG_CONTENT_TYPES).flatMap(type -> path.flatMap(p -> key.map(k ->
                    new BadRequest(operation, "wrong content type", null, p, type, body, k)))));
            fields = Arbitraries.oneOf(fieldMutations(operation, path, key));
        } else {
            // a body where none is taken is refused only if it is not JSON (BodylessRequests)
            kinds.add(Arbitraries.of(NOT_JSON).flatMap(text -> request(operation, "not JSON", path, text, key)));
            kinds.add(Arbitraries.of(WRONG_CONTENT_TYPES).flatMap(type -> path.flatMap(p -> key.map(k ->
                    new BadRequest(operation, "wrong content type", null, p, type, "a=b&c=" + type, k)))));
        }
        kinds.add(Arbitraries.integers().between(ONE_MEGABYTE + 1, ONE_MEGABYTE + 200_000).flatMap(size ->
                request(operation, "body over 1 MB", path, "{\"pad\":\"" + "x".repeat(size) + "\"}", key)));
        // the documented Idempotency-Key is 1 to 255 characters; the request is otherwise as valid as it gets here
        kinds.add(Arbitraries.of("", " ", "   ", "k".repeat(256), "k".repeat(10_000)).flatMap(badKey -> path.map(p ->
                new BadRequest(operation, "bad Idempotency-Key", null, p, "application/json", body, badKey))));
        if (!operation.existingIds().isEmpty()) {
            kinds.add(unknownIds(operation, body, key));
            kinds.add(malformedIds(operation, body, key));
        }
        Arbitrary<BadRequest> whole = Arbitraries.oneOf(kinds);
        // a body's fields are where most of its rules are: half of an operation's requests break one of them
        return fields == null ? whole : Arbitraries.frequencyOf(Tuple.of(1, whole), Tuple.of(1, fields));
    }

    /**
     * JSON past the parser's limits, under 1 MB: nesting thousands deep, a number of thousands of digits, a name of
     * a hundred thousand characters, wherever a value of the body is.
     */
    private static Arbitrary<BadRequest> parserLimits(Operation operation, Arbitrary<String> path,
                                                      Arbitrary<String> key) {
        List<String> names = new ArrayList<>();
        operation.base().fieldNames().forEachRemaining(names::add);
        String name = names.isEmpty() ? "value" : names.get(0);
        return Arbitraries.integers().between(1_001, 50_000).flatMap(depth -> Arbitraries.of(
                "{\"" + name + "\":" + "[".repeat(depth) + "]".repeat(depth) + "}",
                "{\"" + name + "\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}",
                "{\"" + name + "\":" + "9".repeat(depth) + "}",
                "{\"" + name + "\":0." + "1".repeat(depth) + "}",
                "{\"" + "n".repeat(depth * 2) + "\":1}"))
                .flatMap(body -> request(operation, "past the parser's limits", path, body, key));
    }

    private static Arbitrary<BadRequest> request(Operation operation, String kind, Arbitrary<String> path,
                                                 String body, Arbitrary<String> key) {
        return path.flatMap(p -> key.map(k -> new BadRequest(operation, kind, null, p, "application/json", body,
                k)));
    }

    /** The operation's path with the ids that exist, and a fresh unknown one where none does. */
    private static Arbitrary<String> paths(Operation operation) {
        return unknownUuids().map(unknown -> {
            String path = operation.pattern();
            for (Map.Entry<String, String> id : operation.existingIds().entrySet()) {
                path = path.replace("{" + id.getKey() + "}", id.getValue() == null ? unknown : id.getValue());
            }
            return path;
        });
    }

    private static Arbitrary<String> unknownUuids() {
        return Arbitraries.longs().tuple2().map(bits -> new UUID(bits.get1(), bits.get2()).toString());
    }

    /** A valid-looking body against an id that does not exist, one variable at a time. */
    private static Arbitrary<BadRequest> unknownIds(Operation operation, String body, Arbitrary<String> key) {
        List<String> variables = List.copyOf(operation.existingIds().keySet());
        return Arbitraries.of(variables).flatMap(variable -> unknownUuids().flatMap(unknown -> paths(operation)
                .map(path -> pathWith(operation, variable, unknown, path)))
                .flatMap(path -> key.map(k -> new BadRequest(operation, "unknown id", variable, path,
                        "application/json", body, k))));
    }

    private static Arbitrary<BadRequest> malformedIds(Operation operation, String body, Arbitrary<String> key) {
        List<String> variables = List.copyOf(operation.existingIds().keySet());
        return Arbitraries.of(variables).flatMap(variable -> Arbitraries.of(MALFORMED_IDS).flatMap(bad ->
                paths(operation).map(path -> pathWith(operation, variable, bad, path))
                        .flatMap(path -> key.map(k -> new BadRequest(operation, "malformed id", variable, path,
                                "application/json", body, k)))));
    }

    /** The path with one variable set to {@code value} and the others as {@code filled} has them. */
    private static String pathWith(Operation operation, String variable, String value, String filled) {
        String[] patternParts = operation.pattern().split("/");
        String[] filledParts = filled.split("/");
        StringBuilder path = new StringBuilder();
        for (int i = 1; i < patternParts.length; i++) {
            path.append('/').append(patternParts[i].equals("{" + variable + "}") ? value : filledParts[i]);
        }
        return path.toString();
    }

    private static Arbitrary<BadRequest> duplicateKeys(Operation operation, Arbitrary<String> path,
                                                       Arbitrary<String> key) {
        List<String> names = new ArrayList<>();
        operation.base().fieldNames().forEachRemaining(names::add);
        return Arbitraries.of(names).flatMap(name -> {
            String body = operation.base().toString();
            String repeated = "{" + JSON.valueToTree(name) + ":" + operation.base().get(name) + "," + body.substring(1);
            return request(operation, "duplicate key", path, repeated, key);
        });
    }

    /** A field of the body as a path from its root, and its schema. */
    private record Field(List<Object> path, JsonNode schema, boolean required) {
        String name() {
            StringBuilder name = new StringBuilder();
            for (Object part : path) {
                name.append(part instanceof Integer i ? "[" + i + "]" : (name.isEmpty() ? "" : ".") + part);
            }
            return name.toString();
        }

        String last() {
            Object last = path.get(path.size() - 1);
            return last instanceof String s ? s : "";
        }
    }

    private List<Arbitrary<BadRequest>> fieldMutations(Operation operation, Arbitrary<String> path,
                                                       Arbitrary<String> key) {
        List<Field> fields = new ArrayList<>();
        collect(operation.bodySchema(), new ArrayList<>(), true, fields, 0);
        List<Arbitrary<BadRequest>> mutations = new ArrayList<>();
        // an unknown member anywhere an object is
        mutations.add(Arbitraries.of(fields.stream().filter(f -> type(f.schema()).equals("object")).toList())
                .injectDuplicates(0).flatMap(field -> mutated(operation, "unknown field", path, key,
                        field.name() + ".surprise", withChild(field.path(), "surprise"), NODES.textNode("x"))));
        mutations.add(mutated(operation, "unknown field", path, key, "surprise", List.of("surprise"),
                NODES.textNode("x")));
        for (Field field : fields) {
            if (field.path().isEmpty()) {
                continue;
            }
            if (MAP_ENTRY.equals(field.last())) {
                mapEntries(operation, path, key, field).ifPresent(mutations::add);
                continue;
            }
            // values of another type, and values of the right type that break a rule, as two groups of their own:
            // the few rules of a field weigh as much as its many wrong types
            List<JsonNode> values = badValues(field);
            for (boolean wrongType : List.of(true, false)) {
                List<JsonNode> group = values.stream()
                        .filter(value -> kindOf(field, value).equals("wrong type") == wrongType).toList();
                if (!group.isEmpty()) {
                    mutations.add(Arbitraries.of(group).flatMap(value -> mutated(operation, kindOf(field, value),
                            path, key, field.name(), field.path(), value)));
                }
            }
            // an array's element is not left out but removed, which makes another array, as valid as any
            if (field.required() && !(field.path().get(field.path().size() - 1) instanceof Integer)) {
                mutations.add(mutated(operation, "missing required field", path, key, field.name(), field.path(),
                        null));
            }
            if (field.required()) {
                mutations.add(mutated(operation, "null required field", path, key, field.name(), field.path(),
                        NullNode.getInstance()));
            }
            if (type(field.schema()).equals("string") && !field.schema().has("enum")) {
                mutations.add(hiddenCharacters(operation, path, key, field));
            }
        }
        return mutations;
    }

    /**
     * A map's entries (hours by day): a key that is no day where its keys are days, and values that break the
     * value's schema, or are negative or out of range where they are numbers.
     */
    private static Optional<Arbitrary<BadRequest>> mapEntries(Operation operation, Arbitrary<String> path,
                                                                       Arbitrary<String> key, Field field) {
        List<Object> mapPath = field.path().subList(0, field.path().size() - 1);
        JsonNode map = at(operation.base(), mapPath);
        if (map == null || !map.isObject() || map.size() == 0) {
            return Optional.empty();
        }
        String firstKey = map.fieldNames().next();
        List<Arbitrary<BadRequest>> entries = new ArrayList<>();
        boolean daysAsKeys = firstKey.matches("\\d{4}-\\d{2}-\\d{2}");
        if (daysAsKeys) {
            entries.add(Arbitraries.of(IMPOSSIBLE_DATES).flatMap(day -> mutated(operation, "impossible date",
                    path, key, new Field(withChild(mapPath, day), field.schema(), false).name(),
                    withChild(mapPath, day), map.get(firstKey))));
        }
        Field entry = new Field(withChild(mapPath, firstKey), field.schema(), true);
        List<JsonNode> values = new ArrayList<>(badValues(entry));
        values.add(NullNode.getInstance());
        if (type(field.schema()).equals("number") || type(field.schema()).equals("integer")) {
            for (String number : List.of("-1", "-0.25", "1E+400", "-1E+400", "100000")) {
                values.add(NODES.numberNode(new BigDecimal(number)));
            }
        }
        entries.add(Arbitraries.of(values).flatMap(value -> mutated(operation, kindOf(entry, value), path, key,
                entry.name(), entry.path(), value)));
        return Optional.of(Arbitraries.oneOf(entries));
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object part : path) {
            node = node == null ? null : part instanceof Integer index ? node.get(index) : node.get((String) part);
        }
        return node;
    }

    private static List<Object> withChild(List<Object> path, Object child) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(child);
        return longer;
    }

    private void collect(JsonNode schema, List<Object> path, boolean required, List<Field> fields, int depth) {
        JsonNode s = resolve(catalog.document(), schema);
        fields.add(new Field(List.copyOf(path), s, required));
        if (depth > 5) {
            return;
        }
        if (type(s).equals("object") && s.path("additionalProperties").isObject()) {
            fields.add(new Field(withChild(path, MAP_ENTRY), resolve(catalog.document(),
                    s.get("additionalProperties")), false));
        }
        if (type(s).equals("object")) {
            Set<String> requiredNames = new HashSet<>();
            s.path("required").forEach(name -> requiredNames.add(name.asText()));
            s.path("properties").fields().forEachRemaining(property -> collect(property.getValue(),
                    withChild(path, property.getKey()), requiredNames.contains(property.getKey()), fields,
                    depth + 1));
        } else if (type(s).equals("array") && s.has("items")) {
            collect(s.get("items"), withChild(path, 0), true, fields, depth + 1);
        }
    }

    private static String kindOf(Field field, JsonNode value) {
        String type = type(field.schema());
        boolean sameType = switch (type) {
            case "string" -> value.isTextual();
            case "integer", "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            default -> value.isObject();
        };
        if (!sameType) {
            return "wrong type";
        }
        String format = field.schema().path("format").asText();
        if (format.startsWith("date")) {
            return "impossible date";
        }
        if (field.last().toLowerCase().contains("currency")) {
            return "unknown currency";
        }
        if (field.schema().has("enum")) {
            return "unknown enum value";
        }
        if (value.isTextual()) {
            return "over-long string";
        }
        if (value.isNumber() && value.decimalValue().signum() <= 0) {
            return "zero or negative number";
        }
        return "out-of-range number";
    }

    /** Values the field's schema does not allow: of another type, out of its bounds, or not in its set. */
    private static List<JsonNode> badValues(Field field) {
        JsonNode s = field.schema();
        List<JsonNode> values = new ArrayList<>();
        String type = type(s);
        switch (type) {
            case "string" -> {
                values.add(NODES.numberNode(12));
                values.add(NODES.booleanNode(true));
                values.add(NODES.objectNode());
                values.add(NODES.arrayNode().add("x"));
                String format = s.path("format").asText();
                if (format.equals("date")) {
                    IMPOSSIBLE_DATES.forEach(date -> values.add(NODES.textNode(date)));
                } else if (format.equals("date-time")) {
                    IMPOSSIBLE_INSTANTS.forEach(instant -> values.add(NODES.textNode(instant)));
                } else if (s.has("enum")) {
                    values.add(NODES.textNode("NOT_A_VALUE"));
                    values.add(NODES.textNode(""));
                    values.add(NODES.textNode(s.get("enum").get(0).asText().toLowerCase() + "!"));
                } else if (field.last().toLowerCase().contains("currency")) {
                    UNKNOWN_CURRENCIES.forEach(currency -> values.add(NODES.textNode(currency)));
                } else {
                    int max = s.path("maxLength").asInt(10_000);
                    values.add(NODES.textNode("x".repeat(max + 1)));
                    values.add(NODES.textNode("y".repeat(100_000)));
                }
                if (field.required() && !s.has("enum") && format.isEmpty()) {
                    values.add(NODES.textNode("   "));
                    values.add(NODES.textNode(""));
                }
            }
            case "integer", "number" -> {
                values.add(NODES.textNode("12"));
                values.add(NODES.textNode("abc"));
                values.add(NODES.booleanNode(true));
                values.add(NODES.arrayNode().add(1));
                values.add(NODES.objectNode());
                if (type.equals("integer")) {
                    values.add(NODES.numberNode(new BigDecimal("1.5")));
                    values.add(NODES.numberNode(new BigDecimal("99999999999999999999999")));
                    values.add(NODES.numberNode(new BigDecimal("1E+400")));
                }
                if (MONEY.matcher(field.last()).find()) {
                    for (String amount : List.of("0", "-1", "-0.01", "0.00", "1.001", "10.123456789", "1E+400",
                            "-1E+400", "1E-400")) {
                        values.add(NODES.numberNode(new BigDecimal(amount)));
                    }
                }
                if (s.has("maximum")) {
                    values.add(NODES.numberNode(s.get("maximum").decimalValue().add(BigDecimal.ONE)));
                    values.add(NODES.numberNode(new BigDecimal("1E+400")));
                }
                if (s.has("minimum")) {
                    values.add(NODES.numberNode(s.get("minimum").decimalValue().subtract(BigDecimal.ONE)));
                }
                if (s.has("exclusiveMinimum") && s.get("exclusiveMinimum").isNumber()) {
                    BigDecimal bound = s.get("exclusiveMinimum").decimalValue();
                    values.add(NODES.numberNode(bound));
                    values.add(NODES.numberNode(bound.subtract(new BigDecimal("0.01"))));
                    values.add(NODES.numberNode(bound.subtract(BigDecimal.ONE)));
                }
                if (s.has("multipleOf")) {
                    BigDecimal step = s.get("multipleOf").decimalValue();
                    values.add(NODES.numberNode(BigDecimal.ONE.add(step.movePointLeft(1))));
                    values.add(NODES.numberNode(new BigDecimal("10.123456789")));
                }
            }
            case "boolean" -> {
                values.add(NODES.textNode("true"));
                values.add(NODES.textNode("yes"));
                values.add(NODES.numberNode(1));
                values.add(NODES.objectNode());
            }
            case "array" -> {
                values.add(NODES.objectNode());
                values.add(NODES.textNode("x"));
                values.add(NODES.numberNode(5));
                if (s.has("minItems") && s.get("minItems").asInt() > 0) {
                    values.add(NODES.arrayNode());
                }
                if (s.has("maxItems")) {
                    ArrayNode many = NODES.arrayNode();
                    for (int i = 0; i <= s.get("maxItems").asInt(); i++) {
                        many.add(NODES.nullNode());
                    }
                    values.add(many);
                }
            }
            default -> {
                values.add(NODES.arrayNode());
                values.add(NODES.numberNode(5));
                values.add(NODES.textNode("x"));
            }
        }
        return values;
    }

    /** A name or text with a character every name and text refuses, somewhere in an otherwise good value. */
    private static Arbitrary<BadRequest> hiddenCharacters(Operation operation, Arbitrary<String> path,
                                                         Arbitrary<String> key, Field field) {
        return Arbitraries.of(HIDDEN).flatMap(hidden -> Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)
                .flatMap(text -> Arbitraries.integers().between(0, text.length()).flatMap(at -> mutated(operation,
                        "hidden character", path, key, field.name(), field.path(),
                        NODES.textNode(text.substring(0, at) + hidden + text.substring(at))))));
    }

    /** The base body with the value at {@code fieldPath} replaced ({@code null}: left out). */
    private static Arbitrary<BadRequest> mutated(Operation operation, String kind, Arbitrary<String> path,
                                                 Arbitrary<String> key, String field, List<Object> fieldPath,
                                                 JsonNode value) {
        JsonNode body = set(operation.base().deepCopy(), fieldPath, value);
        return request(operation, kind, path, escapeLoneSurrogates(body.toString()), key)
                .map(request -> new BadRequest(request.operation(), kind, field, request.path(),
                        request.contentType(), request.body(), request.idempotencyKey()));
    }

    /** Sets (or removes) the value at the path, making the objects and array elements on the way. */
    private static JsonNode set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object part = path.get(i);
            Object next = path.get(i + 1);
            JsonNode child = part instanceof Integer index ? node.get(index) : node.get((String) part);
            if (child == null || child.isNull() || !(next instanceof Integer ? child.isArray() : child.isObject())) {
                child = next instanceof Integer ? NODES.arrayNode() : NODES.objectNode();
                put(node, part, child);
            }
            node = child;
        }
        Object last = path.get(path.size() - 1);
        if (value == null) {
            if (node instanceof ObjectNode object) {
                object.remove((String) last);
            } else if (node instanceof ArrayNode array && array.size() > (Integer) last) {
                array.remove((Integer) last);
            }
        } else {
            put(node, last, value);
        }
        return root;
    }

    private static void put(JsonNode parent, Object part, JsonNode child) {
        if (parent instanceof ObjectNode object) {
            object.set((String) part, child);
        } else if (parent instanceof ArrayNode array) {
            int index = (Integer) part;
            while (array.size() <= index) {
                array.addNull();
            }
            array.set(index, child);
        }
    }

    /**
     * A lone half of a surrogate pair cannot be encoded in UTF-8 (Java would send "?" instead); JSON carries it as an
     * escape.
     */
    private static String escapeLoneSurrogates(String json) {
        StringBuilder escaped = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < json.length()
                    && Character.isLowSurrogate(json.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(json.charAt(i - 1));
            if (Character.isSurrogate(c) && !paired) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** The text with what does not show (controls, format characters, surrogates, private use) as escapes. */
    private static String visible(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED) {
                shown.append(String.format("<U+%04X>", c));
            } else {
                shown.append((char) c);
            }
        });
        return shown.toString();
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }
}
