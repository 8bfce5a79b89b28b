package com.engagementledger.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.support.Api;
import com.engagementledger.support.RunningLedger;
import com.engagementledger.support.TestDataDirs;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Drafting one engagement's invoice after two years of history (issue 7's bar: 50 ms or less). A benchmark, not a
 * test: surefire's default includes leave it out; run it with
 * {@code ./mvnw -q -Dtest=DraftingBenchmark -Dsurefire.failIfNoSpecifiedTests=false test} and read its output
 * (docs/benchmarks.md). Two years of an hourly engagement, built over HTTP on the test clock: two seats from the
 * start and a third for half a year, every week's timesheet submitted and approved, a rate change every quarter, each
 * month drafted and issued after it ended. Then the current month is drafted again and again (each a regeneration
 * through the engagement: its calendar, five weeks of timesheets, its credits), timed by the client, beside a trivial
 * authenticated read of the same run.
 */
class DraftingBenchmark {

    private static final LocalDate START = LocalDate.of(2027, 1, 4);
    private static final int WEEKS = 104;

    @Test
    void draftingAfterTwoYearsOfHistory() {
        Path dataDir = TestDataDirs.create("drafting-benchmark");
        try (ConfigurableApplicationContext ledger = RunningLedger.start("test", dataDir)) {
            Api api = new Api(RunningLedger.port(ledger));
            clock(api, START);
            Api.Response proposed = api.as("manager").post("/api/engagements", Map.of(
                    "clientId", "bench", "clientName", "Benchmark Client", "roleTitle", "Engineer",
                    "currency", "EUR", "billingModel", "HOURLY", "terms", Map.of("trialDays", 0),
                    "seats", List.of(seat("p1", "Ada", "95.00", START), seat("p2", "Bo", "110.00", START))));
            assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
            String id = proposed.json().get("id").asText();
            assertThat(api.as("manager").post("/api/engagements/" + id + "/activate",
                    Map.of("activationDate", START.toString())).status()).isEqualTo(200);
            int commands = 2;
            String thirdSeat = null;
            YearMonth invoiced = YearMonth.from(START).minusMonths(1);
            for (int week = 1; week <= WEEKS; week++) {
                LocalDate monday = START.plusWeeks(week);
                clock(api, monday);
                LocalDate lastMonday = monday.minusWeeks(1);
                if (week == 40) {
                    Api.Response added = api.as("manager").post("/api/engagements/" + id + "/seats",
                            seat("p3", "Chi", "120.00", monday));
                    assertThat(added.status()).as(added.toString()).isEqualTo(201);
                    commands++;
                }
                if (week == 66) {
                    assertThat(api.as("manager").post("/api/engagements/" + id + "/seats/" + thirdSeat + "/release",
                            Map.of("releaseDate", monday.toString())).status()).isEqualTo(200);
                    commands++;
                }
                for (JsonNode seat : api.as("manager").get("/api/engagements/" + id).json().get("seats")) {
                    String seatId = seat.get("seatId").asText();
                    if (seat.get("professionalId").asText().equals("p3")) {
                        thirdSeat = seatId;
                    }
                    LocalDate seatStart = LocalDate.parse(seat.get("startDate").asText());
                    LocalDate release = seat.hasNonNull("releaseDate")
                            ? LocalDate.parse(seat.get("releaseDate").asText()) : null;
                    Map<String, Object> hours = new LinkedHashMap<>();
                    for (int day = 0; day < 5; day++) {
                        LocalDate date = lastMonday.plusDays(day);
                        if (!date.isBefore(seatStart) && (release == null || date.isBefore(release))) {
                            hours.put(date.toString(), new java.math.BigDecimal(day == 4 ? "7.50" : "8"));
                        }
                    }
                    if (hours.isEmpty()) {
                        continue;
                    }
                    String isoWeek = String.format("%d-W%02d", lastMonday.get(IsoFields.WEEK_BASED_YEAR),
                            lastMonday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                    Api.Response submitted = api.as("manager").post("/api/timesheets", Map.of("engagementId", id,
                            "seatId", seatId, "week", isoWeek, "hours", hours));
                    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
                    String timesheet = submitted.json().get("timesheetId").asText();
                    assertThat(api.as("manager").post("/api/timesheets/" + timesheet + "/approve", (Object) null)
                            .status()).isEqualTo(200);
                    commands += 2;
                }
                if (week % 13 == 0) {
                    Api.Response changed = api.as("manager").post("/api/engagements/" + id + "/rate-changes",
                            Map.of("newRate", 95 + week / 13, "effectiveDate", monday.plusDays(31).toString(),
                                    "reason", "quarterly review " + week));
                    assertThat(changed.status()).as(changed.toString()).isIn(200, 201);
                    commands++;
                }
                YearMonth ended = YearMonth.from(monday).minusMonths(1);
                if (ended.isAfter(invoiced)) {
                    invoiced = ended;
                    Api.Response draft = api.as("finance").post("/api/invoices/drafts",
                            Map.of("engagementId", id, "period", ended.toString()));
                    assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
                    Api.Response issued = api.as("finance").post("/api/invoices/"
                            + draft.json().get("invoiceId").asText() + "/issue", (Object) null);
                    assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
                    commands += 2;
                }
            }
            LocalDate today = START.plusWeeks(WEEKS);
            String current = YearMonth.from(today).toString();
            Map<String, Object> body = Map.of("engagementId", id, "period", current);
            Api.Response first = api.as("finance").post("/api/invoices/drafts", body);
            assertThat(first.status()).as(first.toString()).isEqualTo(201);
            String draftId = first.json().get("invoiceId").asText();
            for (int warm = 0; warm < 20; warm++) {
                assertThat(api.as("finance").post("/api/invoices/drafts", body).status()).isEqualTo(200);
            }
            long[] drafting = timed(50, () -> assertThat(api.as("finance").post("/api/invoices/drafts", body)
                    .status()).isEqualTo(200));
            long[] trivial = timed(50, () -> assertThat(api.as("finance").get("/api/engagements/" + id).status())
                    .isEqualTo(200));
            JsonNode history = api.as("auditor").get("/api/audit/events?aggregateType=engagement&aggregateId=" + id
                    + "&limit=1000").json();
            System.out.printf("drafting after %d weeks (%d commands, %d engagement events, draft %s): median %.1f ms,"
                            + " p95 %.1f ms, max %.1f ms; a GET of the engagement in the same run: median %.1f ms,"
                            + " p95 %.1f ms%n", WEEKS, commands, history.get("items").size(), draftId,
                    drafting[25] / 1e3, drafting[47] / 1e3, drafting[49] / 1e3, trivial[25] / 1e3,
                    trivial[47] / 1e3);
        }
    }

    private static Map<String, Object> seat(String professionalId, String name, String rate, LocalDate start) {
        return Map.of("professionalId", professionalId, "professionalName", name, "rate", new java.math.BigDecimal(rate),
                "startDate", start.toString());
    }

    private static void clock(Api api, LocalDate day) {
        Api.Response moved = api.as("admin").post("/api/admin/clock", Map.of("instant", day + "T09:00:00Z"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }

    /** Wall times in microseconds, sorted. */
    private static long[] timed(int times, Runnable call) {
        long[] micros = new long[times];
        for (int i = 0; i < times; i++) {
            long began = System.nanoTime();
            call.run();
            micros[i] = (System.nanoTime() - began) / 1_000;
        }
        Arrays.sort(micros);
        return micros;
    }
}
