package com.engagementledger.replacement.command;

import com.engagementledger.engagement.api.CloseSeatReplacement;
import com.engagementledger.engagement.api.EngagementEnded;
import com.engagementledger.engagement.api.NoticeWithdrawn;
import com.engagementledger.engagement.api.ScheduleSeatOverlap;
import com.engagementledger.engagement.api.SeatReleaseWithdrawn;
import com.engagementledger.engagement.api.SwapSeatProfessional;
import com.engagementledger.replacement.api.CandidateAccepted;
import com.engagementledger.replacement.api.CloseForEndedEngagement;
import com.engagementledger.replacement.api.EndOverlap;
import com.engagementledger.replacement.api.RecordSlaBreach;
import com.engagementledger.replacement.api.ReplacementCompleted;
import com.engagementledger.replacement.api.ReplacementRequested;
import com.engagementledger.replacement.api.ReplacementWithdrawn;
import com.engagementledger.replacement.api.UpdateSeatLastDay;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * What time and the replacement's events set off (ADR 0026): the SLA's deadline, the end of the overlap, and the
 * consequences for the engagement's seat (the overlap, the swap, the seat no longer held open). One process per
 * replacement, kept in the relational saga store and fed by a tracking processor whose token lies there too.
 *
 * <p>Every command is awaited, at most {@link #COMMAND_TIMEOUT}; a failure is thrown, and the processor
 * ({@link ReplacementProcessConfiguration}) retries the event rather than dropping a consequence. The commands it
 * sends are repeatable: each does nothing when what it asks for has happened.
 */
@Saga
@ProcessingGroup(ReplacementProcess.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ReplacementProcess {

    static final String PROCESSING_GROUP = "replacement-process";
    static final String SLA_RUNS_OUT = "replacement-sla-runs-out";
    static final String OVERLAP_RUNS_OUT = "replacement-overlap-runs-out";
    /** As long as a web request waits for a command: the handlers are local and quick, a slow one is a failure. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private String replacementId;
    private String engagementId;
    private String seatId;
    private String timeZone;

    @StartSaga
    @SagaEventHandler(associationProperty = "replacementId")
    public void on(ReplacementRequested event, DeadlineManager deadlines) {
        replacementId = event.replacementId();
        engagementId = event.engagementId();
        seatId = event.seatId();
        timeZone = event.timeZone();
        SagaLifecycle.associateWith("engagementId", engagementId);
        deadlines.schedule(startOf(event.slaDueDate().plusDays(1)), SLA_RUNS_OUT);
    }

    /** The message comes first: Axon takes a handler's first parameter for the payload, and a deadline has none. */
    @DeadlineHandler(deadlineName = SLA_RUNS_OUT)
    public void onSlaRunOut(DeadlineMessage<?> deadline, CommandGateway commands) {
        send(commands, new RecordSlaBreach(replacementId));
    }

    /** The SLA stopped with the acceptance; the seat learns of the overlap, and its end is set. */
    @SagaEventHandler(associationProperty = "replacementId")
    public void on(CandidateAccepted event, CommandGateway commands, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(SLA_RUNS_OUT);
        if (!event.overlapTo().isBefore(event.overlapFrom())) {
            send(commands, new ScheduleSeatOverlap(engagementId, seatId, replacementId, event.professionalId(),
                    event.professionalName(), event.overlapFrom(), event.overlapTo(), event.zeroRated()));
        }
        deadlines.schedule(startOf(event.overlapTo().plusDays(1)), OVERLAP_RUNS_OUT);
    }

    @DeadlineHandler(deadlineName = OVERLAP_RUNS_OUT)
    public void onOverlapRunOut(DeadlineMessage<?> deadline, CommandGateway commands) {
        send(commands, new EndOverlap(replacementId));
    }

    /** Ends once the seat has the swap (not with {@code @EndSaga}, which ends the process even when sending fails). */
    @SagaEventHandler(associationProperty = "replacementId")
    public void on(ReplacementCompleted event, CommandGateway commands, DeadlineManager deadlines) {
        send(commands, new SwapSeatProfessional(engagementId, seatId, replacementId, event.professionalId(),
                event.professionalName(), event.completedOn(), event.overlapTo()));
        end(deadlines);
    }

    @SagaEventHandler(associationProperty = "replacementId")
    public void on(ReplacementWithdrawn event, CommandGateway commands, DeadlineManager deadlines) {
        send(commands, new CloseSeatReplacement(engagementId, seatId, replacementId, event.withdrawnOn(),
                event.overlapTo(), event.freeReplacementReturned()));
        end(deadlines);
    }

    /**
     * A replacement outlives no engagement: it is withdrawn as of the day after the engagement's last day, whenever
     * this runs, and its withdrawal then closes it like any other. One that completed or was withdrawn meanwhile (its
     * event on its way to this process) is left as it is.
     */
    @SagaEventHandler(associationProperty = "engagementId")
    public void on(EngagementEnded event, CommandGateway commands) {
        send(commands, new CloseForEndedEngagement(replacementId, event.lastDay()));
    }

    /**
     * A notice withdrawn while the replacement is open (none can be given while it is) moves the seat's end out:
     * the replacement learns the seat's last billed day from the engagement's read model once it shows this event,
     * and until it does the event is retried.
     */
    @SagaEventHandler(associationProperty = "engagementId")
    public void on(NoticeWithdrawn event, @SequenceNumber long sequence, CommandGateway commands,
                   EngagementSeats engagement) {
        send(commands, new UpdateSeatLastDay(replacementId, engagement.seatLastDay(engagementId, seatId, sequence)
                .orElse(null)));
    }

    /** Like a withdrawn notice, for the release of this replacement's seat; another seat's changes nothing here. */
    @SagaEventHandler(associationProperty = "engagementId")
    public void on(SeatReleaseWithdrawn event, @SequenceNumber long sequence, CommandGateway commands,
                   EngagementSeats engagement) {
        if (event.seatId().equals(seatId)) {
            send(commands, new UpdateSeatLastDay(replacementId, engagement.seatLastDay(engagementId, seatId,
                    sequence).orElse(null)));
        }
    }

    private static void send(CommandGateway commands, Object command) {
        commands.sendAndWait(command, COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void end(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(SLA_RUNS_OUT);
        deadlines.cancelAllWithinScope(OVERLAP_RUNS_OUT);
        SagaLifecycle.end();
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneId.of(timeZone)).toInstant();
    }
}
