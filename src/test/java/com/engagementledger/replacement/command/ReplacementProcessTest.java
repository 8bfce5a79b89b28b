package com.engagementledger.replacement.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.CloseSeatReplacement;
import com.engagementledger.engagement.api.EngagementEnded;
import com.engagementledger.engagement.api.EngagementStatus;
import com.engagementledger.engagement.api.EngagementView;
import com.engagementledger.engagement.api.KeyDates;
import com.engagementledger.engagement.api.NoticeWithdrawn;
import com.engagementledger.engagement.api.ScheduleSeatOverlap;
import com.engagementledger.engagement.api.SeatReleaseWithdrawn;
import com.engagementledger.engagement.api.SeatView;
import com.engagementledger.engagement.api.SwapSeatProfessional;
import com.engagementledger.platform.axon.SerializationConfiguration;
import com.engagementledger.replacement.api.CandidateAccepted;
import com.engagementledger.replacement.api.Eligibility;
import com.engagementledger.replacement.api.CloseForEndedEngagement;
import com.engagementledger.replacement.api.EndOverlap;
import com.engagementledger.replacement.api.RecordSlaBreach;
import com.engagementledger.replacement.api.ReplacementCompleted;
import com.engagementledger.replacement.api.ReplacementReason;
import com.engagementledger.replacement.api.ReplacementRequested;
import com.engagementledger.replacement.api.ReplacementWithdrawn;
import com.engagementledger.replacement.api.UpdateSeatLastDay;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.AxonAssertionError;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The replacement process: its deadlines fall at the start of a day in the replacement's zone, and each event of the
 * replacement becomes what the engagement's seat must learn. Requested on Monday 2025-03-10, SLA due Monday
 * 2025-03-17.
 */
class ReplacementProcessTest {

    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private static final String ID = "rep-1";
    private static final String ENGAGEMENT = "eng-1";
    private static final String SEAT = "seat-1";
    private static final LocalDate SLA_DUE = LocalDate.parse("2025-03-17");

    private SagaTestFixture<ReplacementProcess> fixture;
    /** The version the engagement's read model shows. */
    private long viewVersion = 100;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ReplacementProcess.class);
        fixture.registerResource(new EngagementSeats(null) {
            @Override
            EngagementView engagement(String engagementId) {
                return new EngagementView(engagementId, viewVersion, "client-1", "Acme", "Backend engineer", "EUR",
                        BillingModel.MONTHLY, EngagementStatus.ACTIVE, null, List.of(new SeatView(SEAT, "pro-1",
                                "Ada Lovelace", LocalDate.parse("2025-01-06"), LocalDate.parse("2025-01-06"),
                                LocalDate.parse("2025-05-01"), true, new BigDecimal("8000.00"), List.of(),
                                List.of(), List.of(), List.of(), ID)),
                        new KeyDates(null, null, null, null, null, null, null, null, null, null, null, null, null),
                        LocalDate.parse("2025-03-10"), List.of(), NOW);
            }
        });
    }

    @Test
    void aWithdrawnNoticeTellsTheReplacementTheSeatsLastDayOnceTheReadModelShowsIt() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested("UTC"))
                .whenAggregate(ENGAGEMENT).publishes(new NoticeWithdrawn(ENGAGEMENT, LocalDate.parse("2025-03-01"),
                        LocalDate.parse("2025-03-11"), null))
                .expectDispatchedCommands(new UpdateSeatLastDay(ID, LocalDate.parse("2025-04-30")));
    }

    @Test
    void aWithdrawnReleaseOfAnotherSeatChangesNothing() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested("UTC"))
                .whenAggregate(ENGAGEMENT).publishes(new SeatReleaseWithdrawn(ENGAGEMENT, "seat-2",
                        LocalDate.parse("2025-04-01"), LocalDate.parse("2025-03-11"), null))
                .expectNoDispatchedCommands();
    }

    @Test
    void aWithdrawnReleaseTheReadModelDoesNotShowYetIsRetried() {
        SeatReleaseWithdrawn otherSeat = new SeatReleaseWithdrawn(ENGAGEMENT, "seat-2", LocalDate.parse("2025-04-01"),
                LocalDate.parse("2025-03-11"), null);
        viewVersion = 1;
        var stale = fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested("UTC"))
                .andThenAggregate(ENGAGEMENT).published(otherSeat, otherSeat)
                .whenAggregate(ENGAGEMENT).publishes(new SeatReleaseWithdrawn(ENGAGEMENT, SEAT,
                        LocalDate.parse("2025-04-01"), LocalDate.parse("2025-03-11"), null));
        assertThatThrownBy(stale::expectSuccessfulHandlerExecution).isInstanceOf(AxonAssertionError.class);
        stale.expectNoDispatchedCommands();
    }

    @Test
    void requestStartsTheProcessWithTheSlaDeadlineAtTheStartOfTheDayAfterTheDueDate() {
        fixture.givenCurrentTime(NOW)
                .whenPublishingA(requested("UTC"))
                .expectActiveSagas(1)
                .expectAssociationWith("replacementId", ID)
                .expectAssociationWith("engagementId", ENGAGEMENT)
                .expectScheduledDeadlineWithName(Instant.parse("2025-03-18T00:00:00Z"), ReplacementProcess.SLA_RUNS_OUT)
                .expectNoDispatchedCommands();
    }

    @Test
    void slaDeadlineInAucklandFallsAtMidnightThere() {
        fixture.givenCurrentTime(NOW)
                .whenPublishingA(requested("Pacific/Auckland"))
                .expectScheduledDeadlineWithName(Instant.parse("2025-03-17T11:00:00Z"),
                        ReplacementProcess.SLA_RUNS_OUT);
    }

    @Test
    void slaRunningOutRecordsTheBreach() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested("UTC"))
                .whenTimeElapses(Duration.ofDays(7).plusHours(12))
                .expectTriggeredDeadlinesWithName(ReplacementProcess.SLA_RUNS_OUT)
                .expectDispatchedCommands(new RecordSlaBreach(ID))
                .expectActiveSagas(1);
    }

    @Test
    void slaDoesNotRunOutOnItsDueDate() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested("UTC"))
                .whenTimeAdvancesTo(Instant.parse("2025-03-17T23:59:59Z"))
                .expectNoDispatchedCommands();
    }

    @Test
    void acceptanceStopsTheSlaAndSchedulesTheSeatsOverlapAndItsEnd() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested("UTC"))
                .whenPublishingA(accepted(LocalDate.parse("2025-03-12"), LocalDate.parse("2025-03-18")))
                .expectDispatchedCommands(new ScheduleSeatOverlap(ENGAGEMENT, SEAT, ID, "pro-2", "Grace Hopper",
                        LocalDate.parse("2025-03-12"), LocalDate.parse("2025-03-18"), true))
                .expectNoScheduledDeadlineWithName(Instant.parse("2025-03-18T00:00:00Z"),
                        ReplacementProcess.SLA_RUNS_OUT)
                .expectScheduledDeadlineWithName(Instant.parse("2025-03-19T00:00:00Z"),
                        ReplacementProcess.OVERLAP_RUNS_OUT);
    }

    @Test
    void acceptedCandidateNeverMeetsTheSlaDeadline() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested("UTC"))
                .andThenAPublished(accepted(LocalDate.parse("2025-03-12"), LocalDate.parse("2025-03-18")))
                .whenTimeAdvancesTo(Instant.parse("2025-03-18T12:00:00Z"))
                .expectNoDispatchedCommands();
    }

    @Test
    void overlapWithoutADayTellsTheSeatNothingAndEndsOnTheStartDate() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested("UTC"))
                .whenPublishingA(accepted(LocalDate.parse("2025-03-12"), LocalDate.parse("2025-03-11")))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Instant.parse("2025-03-12T00:00:00Z"),
                        ReplacementProcess.OVERLAP_RUNS_OUT);
    }

    @Test
    void overlapRunningOutEndsIt() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested("UTC"))
                .andThenAPublished(accepted(LocalDate.parse("2025-03-12"), LocalDate.parse("2025-03-18")))
                .whenTimeElapses(Duration.ofDays(9))
                .expectTriggeredDeadlinesWithName(ReplacementProcess.OVERLAP_RUNS_OUT)
                .expectDispatchedCommands(new EndOverlap(ID));
    }

    @Test
    void completionSwapsTheSeatsProfessionalAndEndsTheProcess() throws Exception {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested("UTC"))
                .andThenAPublished(accepted(LocalDate.parse("2025-03-12"), LocalDate.parse("2025-03-18")))
                .andThenTimeElapses(Duration.ofDays(9))
                .whenPublishingA(new ReplacementCompleted(ID, ENGAGEMENT, SEAT, "cand-1", "pro-2", "Grace Hopper",
                        LocalDate.parse("2025-03-19"), LocalDate.parse("2025-03-18"), false))
                .expectDispatchedCommands(new SwapSeatProfessional(ENGAGEMENT, SEAT, ID, "pro-2", "Grace Hopper",
                        LocalDate.parse("2025-03-19"), LocalDate.parse("2025-03-18")))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void earlyCompletionCancelsTheOverlapsEnd() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested("UTC"))
                .andThenAPublished(accepted(LocalDate.parse("2025-03-12"), LocalDate.parse("2025-03-18")))
                .whenPublishingA(new ReplacementCompleted(ID, ENGAGEMENT, SEAT, "cand-1", "pro-2", "Grace Hopper",
                        LocalDate.parse("2025-03-14"), LocalDate.parse("2025-03-13"), true))
                .expectDispatchedCommands(new SwapSeatProfessional(ENGAGEMENT, SEAT, ID, "pro-2", "Grace Hopper",
                        LocalDate.parse("2025-03-14"), LocalDate.parse("2025-03-13")))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void withdrawalClosesTheSeatsReplacementAndEndsTheProcess() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested("UTC"))
                .whenPublishingA(new ReplacementWithdrawn(ID, ENGAGEMENT, SEAT, LocalDate.parse("2025-03-11"),
                        "stays after all", null, true))
                .expectDispatchedCommands(new CloseSeatReplacement(ENGAGEMENT, SEAT, ID,
                        LocalDate.parse("2025-03-11"), null, true))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void engagementEndClosesTheReplacementAsOfTheEngagementsLastDay() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested("UTC"))
                .whenPublishingA(new EngagementEnded(ENGAGEMENT, LocalDate.parse("2025-03-31"),
                        LocalDate.parse("2025-04-01"), true))
                .expectDispatchedCommands(new CloseForEndedEngagement(ID, LocalDate.parse("2025-03-31")))
                .expectActiveSagas(1);
    }

    @Test
    void anotherEngagementsEndLeavesTheReplacementAlone() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested("UTC"))
                .whenPublishingA(new EngagementEnded("eng-2", LocalDate.parse("2025-03-31"),
                        LocalDate.parse("2025-04-01"), true))
                .expectNoDispatchedCommands();
    }

    @Test
    void consequenceThatFailsSurfacesSoTheEventIsRetried() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            throw new IllegalStateException("no engagement handler yet");
        });
        var result = fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested("UTC"))
                .whenPublishingA(new ReplacementWithdrawn(ID, ENGAGEMENT, SEAT, LocalDate.parse("2025-03-11"),
                        null, null, true));
        assertThatThrownBy(result::expectSuccessfulHandlerExecution).isInstanceOf(AxonAssertionError.class);
        result.expectActiveSagas(1);
    }

    @Test
    void processSurvivesTheSagaStoresJsonSerializer() {
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(new SerializationConfiguration().defaultAxonObjectMapper())
                .build();
        String stored = "{\"replacementId\":\"rep-1\",\"engagementId\":\"eng-1\",\"seatId\":\"seat-1\","
                + "\"timeZone\":\"Pacific/Auckland\"}";
        ReplacementProcess process = serializer.deserialize(new SimpleSerializedObject<>(stored, String.class,
                ReplacementProcess.class.getName(), null));
        assertThat(serializer.serialize(process, String.class).getData()).isEqualTo(stored);
    }

    private static ReplacementRequested requested(String zone) {
        return new ReplacementRequested(ID, ENGAGEMENT, SEAT, ReplacementReason.NON_PERFORMANCE, null,
                Eligibility.FREE, "inside the window", true, LocalDate.parse("2025-03-10"), SLA_DUE, 5, 5, zone,
                "pro-1", "Ada Lovelace", LocalDate.parse("2025-01-06"), LocalDate.parse("2025-04-05"), null,
                BillingModel.MONTHLY, new BigDecimal("8000.00"), "EUR");
    }

    private static CandidateAccepted accepted(LocalDate from, LocalDate to) {
        return new CandidateAccepted(ID, ENGAGEMENT, SEAT, "cand-1", "pro-2", "Grace Hopper",
                LocalDate.parse("2025-03-10"), from, to, true);
    }
}
