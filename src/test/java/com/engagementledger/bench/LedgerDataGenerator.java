package com.engagementledger.bench;

import com.engagementledger.engagement.api.ActivateEngagement;
import com.engagementledger.engagement.api.AddSeat;
import com.engagementledger.engagement.api.BillingCycle;
import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.engagement.api.NewSeat;
import com.engagementledger.engagement.api.PauseEngagement;
import com.engagementledger.engagement.api.ProposeEngagement;
import com.engagementledger.engagement.api.ReleaseSeat;
import com.engagementledger.engagement.api.ResumeEngagement;
import com.engagementledger.engagement.api.ScheduleRateChange;
import com.engagementledger.invoicing.api.DraftInvoice;
import com.engagementledger.invoicing.api.InvoiceIssued;
import com.engagementledger.invoicing.api.IssueInvoice;
import com.engagementledger.invoicing.api.RecordPayment;
import com.engagementledger.platform.api.AuditMetadata;
import com.engagementledger.platform.ops.EventProcessors;
import com.engagementledger.platform.security.Roles;
import com.engagementledger.platform.time.ClockChange;
import com.engagementledger.platform.time.TestClockController;
import com.engagementledger.replacement.api.AcceptCandidate;
import com.engagementledger.replacement.api.ProposeCandidate;
import com.engagementledger.replacement.api.ReplacementReason;
import com.engagementledger.replacement.api.RequestReplacement;
import com.engagementledger.timesheet.api.ApproveTimesheet;
import com.engagementledger.timesheet.api.IsoWeek;
import com.engagementledger.timesheet.api.SubmitTimesheet;
import com.engagementledger.timesheet.api.TimesheetIds;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Realistic ledger data for benchmarks, in two steps.
 *
 * <p><b>Generated</b> ({@link #generate}): a base of {@code engagements} engagements over {@code months} months,
 * entirely through the real command side (Axon's {@link CommandGateway}, as the demo seeding sends its commands,
 * with an actor, roles and a reason in the metadata), on an application started with
 * {@code --ledger.test-clock=true}: the clock is moved to the 8th of each following month through the
 * {@link TestClockController} (what {@code POST /api/admin/clock} runs), which fires what fell due and lets every
 * processor (read models, sagas, policies) catch up. Engagements are proposed (hourly and monthly, EUR/USD/GBP, one to
 * three seats) and activated; each month, every hourly seat's finished weeks are submitted and approved, every
 * engagement's month is drafted and issued as an invoice, last month's invoices are paid (most in full, some in
 * part, some not at all), and, at random (seeded, so repeatable), seats are added and released, rates changed,
 * engagements paused and resumed, and seats replaced (request, candidate, acceptance). The policies and sagas add
 * their own events (invoice numbers, IP transfers and their assignments). A command the domain refuses (a rule the
 * story broke, e.g. a week of a seat released meanwhile) is counted and skipped: {@link #refusals()}.
 *
 * <p><b>Copied</b> ({@link #copyUpTo}): to reach a given number of stored events, the base's stored events (rows of
 * {@code DomainEventEntry}, as the JDBC storage engine wrote them) are copied by JDBC batches into the same table,
 * copy after copy, each copy in the base's order with the base's timestamps, under fresh identifiers: every UUID in
 * the aggregate identifier, the event identifier, the payload and the metadata (engagement, seat, invoice,
 * timesheet ({@code ts-<uuid>}), IP transfer, payment, replacement, candidate, client ({@code cl-<uuid>}) and
 * professional ({@code pro-<uuid>}) ids, correlation, causation and request ids) is replaced by a name-based UUID of
 * the copy number and the original, the same within a copy wherever it occurs, and every invoice number
 * {@code INV-yyyy-n} becomes {@code INV-yyyy-(copy × 100000 + n)}, unique. Each copy is thus a consistent, distinct
 * set of aggregates to a projection. The last copy is cut at the target (whole aggregates are not guaranteed there).
 * Copies are not seen by the processes (sagas, policies) nor chained into the relational store's other tables
 * (sagas, deadlines, invoice number counters): before copying, every processor is stopped, and afterwards its tokens
 * are moved to the head ({@link #copyUpTo}), so that no process sends commands for copied events; read models see
 * copies only in a replay, which is what the P2 benchmark measures. The audit chain does link the copies.
 */
public final class LedgerDataGenerator {

    private static final Pattern UUIDS = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern INVOICE_NUMBERS = Pattern.compile("INV-(\\d{4})-(\\d+)");
    private static final String ACTOR = "bench-generator";
    private static final String[] CURRENCIES = {"EUR", "USD", "GBP"};
    private static final String[] FIRST = {"Anna", "Bruno", "Chen", "Dana", "Emil", "Fatima", "Gus", "Ivan",
        "Julia", "Kim", "Lena", "Marco", "Omar", "Yuki", "Priya", "Tomas"};
    private static final String[] LAST = {"Kowalski", "Lima", "Wei", "Okafor", "Novak", "Zahra", "Andersson",
        "Petrov", "Santos", "Larsen", "Fischer", "Rossi", "Haddad", "Tanaka", "Iyer", "Horvat"};
    private static final String[] ROLES = {"Senior Java Engineer", "Data Engineer", "QA Lead", "DevOps Engineer",
        "Frontend Engineer", "Platform Engineer", "Embedded Engineer", "Integration Engineer"};

    private final ConfigurableApplicationContext context;
    private final CommandGateway commands;
    private final TestClockController clock;
    private final Clock appClock;
    private final EventStore events;
    private final long seed;
    private final int threads;
    private final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();

    /**
     * A generator on {@code context} (started with {@code --ledger.test-clock=true}); {@code seed} makes the stories
     * repeatable, {@code threads} engagements are worked on at once (each one's commands in order).
     */
    public LedgerDataGenerator(ConfigurableApplicationContext context, long seed, int threads) {
        this.context = context;
        this.commands = context.getBean(CommandGateway.class);
        this.clock = context.getBean(TestClockController.class);
        this.appClock = context.getBean(Clock.class);
        this.events = context.getBean(EventStore.class);
        this.seed = seed;
        this.threads = threads;
    }

    /** A UUID from the story's random numbers, so that a seed gives the same ids. */
    static String uuid(Random random) {
        long most = random.nextLong() & ~0xF000L | 0x4000L;
        long least = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    /** A seat of a generated engagement. */
    private static final class Seat {
        final String id;
        final LocalDate start;
        LocalDate released;
        LocalDate nextWeek;

        Seat(Random random, LocalDate start) {
            this.id = uuid(random);
            this.start = start;
            this.nextWeek = start.with(DayOfWeek.MONDAY);
        }

        boolean activeOn(LocalDate day) {
            return !day.isBefore(start) && (released == null || !day.isAfter(released));
        }
    }

    /** A generated engagement and what it still owes. */
    private static final class Engagement {
        final String id;
        final Random random;
        final BillingModel model;
        final String currency;
        final List<Seat> seats = new ArrayList<>();
        LocalDate pausedFrom;
        final List<String> unpaid = new ArrayList<>();

        Engagement(Random random) {
            this.random = random;
            this.id = uuid(random);
            this.model = random.nextInt(10) < 6 ? BillingModel.HOURLY : BillingModel.MONTHLY;
            this.currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
        }
    }

    /** Commands refused by the domain, by command type. */
    public Map<String, AtomicLong> refusals() {
        return refusals;
    }

    /** Commands sent. */
    public long sent() {
        return sent.get();
    }

    /**
     * Generates the base through the command side: {@code engagements} engagements over {@code months} months from
     * the test clock's today. Returns the number of stored events.
     */
    public long generate(int engagements, int months) throws InterruptedException {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                BenchRun.ADMIN, null, List.of(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN))));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            LocalDate today = LocalDate.ofInstant(appClock.instant(), ZoneOffset.UTC);
            List<Engagement> all = new ArrayList<>();
            for (int i = 0; i < engagements; i++) {
                all.add(new Engagement(new Random(seed * 1_000_003L + i)));
            }
            each(pool, all, engagement -> propose(engagement, today));
            YearMonth first = YearMonth.from(today);
            for (int month = 1; month <= months; month++) {
                YearMonth period = first.plusMonths(month - 1);
                LocalDate day = first.plusMonths(month).atDay(8);
                move(day);
                each(pool, all, engagement -> month(engagement, period, day));
            }
            // a last settle: whatever the last month's commands made due fires, every processor catches up
            clock.move(new ClockChange(null, java.time.Duration.ofMinutes(1)));
            return stored();
        } finally {
            pool.shutdownNow();
            SecurityContextHolder.clearContext();
        }
    }

    /** Runs {@code step} for every engagement, {@code threads} at a time, and waits for all. */
    private static void each(ExecutorService pool, List<Engagement> all, Consumer<Engagement> step)
            throws InterruptedException {
        List<Future<?>> done = new ArrayList<>();
        for (Engagement engagement : all) {
            done.add(pool.submit(() -> step.accept(engagement)));
        }
        for (Future<?> future : done) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("generating an engagement's month failed", e.getCause());
            }
        }
    }

    private void propose(Engagement engagement, LocalDate today) {
        Random random = engagement.random;
        int seats = 1 + random.nextInt(3);
        List<NewSeat> newSeats = new ArrayList<>();
        for (int i = 0; i < seats; i++) {
            Seat seat = new Seat(random, today);
            engagement.seats.add(seat);
            newSeats.add(new NewSeat(seat.id, "pro-" + uuid(random), name(random), rate(random, engagement.model),
                    today));
        }
        IpTrigger trigger = random.nextInt(5) == 0 ? IpTrigger.ON_CREATION : IpTrigger.ON_PAYMENT;
        send(new ProposeEngagement(engagement.id, "cl-" + uuid(random), "Client " + engagement.id.substring(0, 6)
                + " Ltd", ROLES[random.nextInt(ROLES.length)], engagement.currency, engagement.model, newSeats,
                new EngagementTerms("UTC", BillingCycle.MONTHLY, 30, 30, 0, 90, 2, 5, 5, 30, trigger)),
                Roles.ACCOUNT_MANAGER);
        send(new ActivateEngagement(engagement.id, today, null), Roles.ACCOUNT_MANAGER);
    }

    /** One month of an engagement, seen on the 8th of the next ({@code today}). */
    private void month(Engagement engagement, YearMonth period, LocalDate today) {
        Random random = engagement.random;
        if (engagement.model == BillingModel.HOURLY) {
            for (Seat seat : engagement.seats) {
                for (; seat.nextWeek.plusDays(6).isBefore(today); seat.nextWeek = seat.nextWeek.plusDays(7)) {
                    Map<LocalDate, BigDecimal> hours = new LinkedHashMap<>();
                    for (int d = 0; d < 5; d++) {
                        LocalDate date = seat.nextWeek.plusDays(d);
                        if (seat.activeOn(date) && (engagement.pausedFrom == null
                                || date.isBefore(engagement.pausedFrom))) {
                            hours.put(date, new BigDecimal(6 + random.nextInt(5)));
                        }
                    }
                    if (hours.isEmpty()) {
                        continue;
                    }
                    IsoWeek week = IsoWeek.of(seat.nextWeek);
                    if (send(new SubmitTimesheet(engagement.id, seat.id, week.toString(), hours),
                            Roles.ACCOUNT_MANAGER)) {
                        send(new ApproveTimesheet(TimesheetIds.of(engagement.id, seat.id, week), null),
                                Roles.FINANCE);
                    }
                }
            }
        }
        // last month's invoices: most paid in full, some in part, some left open
        for (String invoiceId : engagement.unpaid) {
            int outcome = random.nextInt(10);
            InvoiceIssued issued = issued(invoiceId);
            if (outcome >= 8 || issued == null || issued.total().signum() <= 0) {
                continue;
            }
            BigDecimal amount = outcome < 6 ? issued.total()
                    : issued.total().divide(BigDecimal.valueOf(2), issued.total().scale(), java.math.RoundingMode.DOWN);
            LocalDate received = issued.issueDate().plusDays(5 + random.nextInt(20));
            send(new RecordPayment(invoiceId, uuid(random), amount, issued.currency(),
                    received.isAfter(today) ? today : received, "Bank transfer " + issued.number(), null),
                    Roles.FINANCE);
        }
        engagement.unpaid.clear();
        String invoiceId = uuid(random);
        if (send(new DraftInvoice(engagement.id, invoiceId, period), Roles.FINANCE)
                && send(new IssueInvoice(invoiceId, null), Roles.FINANCE)) {
            engagement.unpaid.add(invoiceId);
        }
        changes(engagement, today);
    }

    /** The month's changes to the engagement, at random. */
    private void changes(Engagement engagement, LocalDate today) {
        Random random = engagement.random;
        if (engagement.pausedFrom != null) {
            if (send(new ResumeEngagement(engagement.id, today.plusDays(3), null), Roles.ACCOUNT_MANAGER)) {
                engagement.pausedFrom = null;
            }
            return;
        }
        List<Seat> active = engagement.seats.stream().filter(seat -> seat.released == null).toList();
        int dice = random.nextInt(100);
        if (dice < 10 && active.size() < 4) {
            Seat seat = new Seat(random, today.plusDays(7));
            if (send(new AddSeat(engagement.id, seat.id, "pro-" + uuid(random), name(random),
                    rate(random, engagement.model), seat.start, null), Roles.ACCOUNT_MANAGER)) {
                engagement.seats.add(seat);
            }
        } else if (dice < 16 && active.size() > 1) {
            Seat seat = active.get(random.nextInt(active.size()));
            LocalDate last = today.plusDays(14);
            if (send(new ReleaseSeat(engagement.id, seat.id, last, null), Roles.ACCOUNT_MANAGER)) {
                seat.released = last;
            }
        } else if (dice < 26 && !active.isEmpty()) {
            Seat seat = active.get(random.nextInt(active.size()));
            send(new ScheduleRateChange(engagement.id, uuid(random), seat.id,
                    rate(random, engagement.model), today.plusDays(31), "Annual rate review", null),
                    Roles.ACCOUNT_MANAGER);
        } else if (dice < 29) {
            LocalDate from = today.plusDays(7);
            if (send(new PauseEngagement(engagement.id, from, null), Roles.ACCOUNT_MANAGER)) {
                engagement.pausedFrom = from;
            }
        } else if (dice < 33 && !active.isEmpty()) {
            Seat seat = active.get(random.nextInt(active.size()));
            String replacementId = uuid(random);
            String candidateId = uuid(random);
            if (send(new RequestReplacement(engagement.id, replacementId, seat.id, ReplacementReason.ATTRITION,
                    "Leaves the company", null), Roles.ACCOUNT_MANAGER)
                    && send(new ProposeCandidate(replacementId, candidateId, "pro-" + uuid(random), name(random),
                    null), Roles.ACCOUNT_MANAGER)) {
                send(new AcceptCandidate(replacementId, candidateId, today.plusDays(7), null),
                        Roles.ACCOUNT_MANAGER);
            }
        }
    }

    private static String name(Random random) {
        return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
    }

    private static BigDecimal rate(Random random, BillingModel model) {
        return model == BillingModel.HOURLY ? new BigDecimal(60 + random.nextInt(60) + ".00")
                : new BigDecimal(6000 + 100 * random.nextInt(60) + ".00");
    }

    private InvoiceIssued issued(String invoiceId) {
        return events.readEvents(invoiceId).asStream().map(Message::getPayload)
                .filter(InvoiceIssued.class::isInstance).map(InvoiceIssued.class::cast).findFirst().orElse(null);
    }

    /** Sends {@code command} as the generator in {@code role} and waits; false (counted) if the domain refused. */
    private boolean send(Object command, String role) {
        sent.incrementAndGet();
        try {
            commands.send(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                            AuditMetadata.ACTOR, ACTOR, AuditMetadata.ROLES, List.of(role),
                            AuditMetadata.REASON, "benchmark data")))
                    .get(30, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            refusals.computeIfAbsent(command.getClass().getSimpleName() + ": " + e.getCause().getMessage()
                    .replaceAll("[0-9a-f-]{36}", "<id>").replaceAll("\\d{4}-\\d{2}-\\d{2}", "<date>"),
                    key -> new AtomicLong()).incrementAndGet();
            return false;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(command.getClass().getSimpleName() + " not handled in 30 s", e);
        }
    }

    /** Moves the test clock to 09:00 UTC of {@code day} and waits until what fell due fired and was projected. */
    private void move(LocalDate day) throws InterruptedException {
        clock.move(new ClockChange(day.atTime(9, 0).toInstant(ZoneOffset.UTC), null));
    }

    /** Stored events (rows of DomainEventEntry). */
    public long stored() {
        return context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM DomainEventEntry",
                Long.class);
    }

    /**
     * Copies the stored events (the base: every row stored now) under fresh identifiers until {@code target} rows
     * are stored, with every processor stopped; then moves every processor's tokens to the new head and starts them
     * again. Returns the number of stored events.
     */
    public long copyUpTo(long target, java.util.function.Consumer<String> log) throws Exception {
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        Map<String, EventProcessor> processors = context.getBean(EventProcessors.class).all();
        for (EventProcessor processor : processors.values()) {
            processor.shutDown();
        }
        long stored = stored();
        DataSource dataSource = context.getBean(DataSource.class);
        List<Object[]> base = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT eventIdentifier, metaData, payload,"
                     + " payloadRevision, payloadType, timeStamp, aggregateIdentifier, sequenceNumber, type"
                     + " FROM DomainEventEntry ORDER BY globalIndex")) {
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    base.add(new Object[] {rows.getString(1), rows.getBytes(2), rows.getBytes(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getString(7), rows.getLong(8),
                        rows.getString(9)});
                }
            }
        }
        // aggregates named without a UUID (the yearly invoice number sequences, invoice-numbers-<year>): a copy of
        // their own, named <name>-copy<n>, wherever the name occurs
        List<String> named = base.stream().map(row -> (String) row[6]).filter(id -> !UUIDS.matcher(id).find())
                .distinct().sorted(java.util.Comparator.comparing(String::length).reversed()).toList();
        Pattern names = named.isEmpty() ? null : Pattern.compile(String.join("|",
                named.stream().map(Pattern::quote).toList()));
        log.accept("aggregates named without a UUID, copied under <name>-copy<n>: " + named);
        long started = System.nanoTime();
        int copy = 0;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry"
                    + " (eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp,"
                    + " aggregateIdentifier, sequenceNumber, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                while (stored < target) {
                    copy++;
                    Map<String, String> ids = new HashMap<>();
                    int batched = 0;
                    for (Object[] row : base) {
                        if (stored >= target) {
                            break;
                        }
                        insert.setString(1, remap((String) row[0], copy, ids, names));
                        insert.setBytes(2, row[1] == null ? null : remap((byte[]) row[1], copy, ids, names));
                        insert.setBytes(3, remap((byte[]) row[2], copy, ids, names));
                        insert.setString(4, (String) row[3]);
                        insert.setString(5, (String) row[4]);
                        insert.setString(6, (String) row[5]);
                        insert.setString(7, remap((String) row[6], copy, ids, names));
                        insert.setLong(8, (Long) row[7]);
                        insert.setString(9, (String) row[8]);
                        insert.addBatch();
                        stored++;
                        if (++batched % 1000 == 0) {
                            insert.executeBatch();
                            connection.commit();
                        }
                    }
                    insert.executeBatch();
                    connection.commit();
                    if (copy % 10 == 0) {
                        log.accept(String.format("copy %d: %,d events stored", copy, stored));
                    }
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        log.accept(String.format("copied the base of %,d events %d times (the last cut) in %.1f s: %,d events",
                base.size(), copy, (System.nanoTime() - started) / 1e9, stored));
        TrackingToken head = context.getBean(EventStore.class).createHeadToken();
        TransactionManager transactions = context.getBean(TransactionManager.class);
        processors.forEach((name, processor) -> {
            TokenStore tokens = processing.tokenStore(name);
            transactions.executeInTransaction(() -> {
                for (int segment : tokens.fetchSegments(name)) {
                    tokens.storeToken(head, name, segment);
                    tokens.releaseClaim(name, segment);
                }
            });
        });
        processors.values().forEach(EventProcessor::start);
        return stored;
    }

    static String remap(String text, int copy, Map<String, String> ids, Pattern names) {
        if (names != null) {
            text = names.matcher(text).replaceAll(found -> Matcher.quoteReplacement(found.group() + "-copy" + copy));
        }
        Matcher uuids = UUIDS.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (uuids.find()) {
            uuids.appendReplacement(out, ids.computeIfAbsent(uuids.group(), original -> UUID.nameUUIDFromBytes(
                    ("copy:" + copy + ":" + original).getBytes(StandardCharsets.UTF_8)).toString()));
        }
        uuids.appendTail(out);
        Matcher numbers = INVOICE_NUMBERS.matcher(out);
        if (!numbers.find()) {
            return out.toString();
        }
        numbers.reset();
        StringBuilder renumbered = new StringBuilder(out.length());
        while (numbers.find()) {
            numbers.appendReplacement(renumbered, String.format("INV-%s-%06d", numbers.group(1),
                    copy * 100_000L + Long.parseLong(numbers.group(2))));
        }
        numbers.appendTail(renumbered);
        return renumbered.toString();
    }

    private static byte[] remap(byte[] json, int copy, Map<String, String> ids, Pattern names) {
        return remap(new String(json, StandardCharsets.UTF_8), copy, ids, names).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code processor} streams events (and so has tokens). */
    static boolean streaming(EventProcessor processor) {
        return processor instanceof StreamingEventProcessor;
    }
}
