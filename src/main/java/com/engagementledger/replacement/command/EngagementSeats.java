package com.engagementledger.replacement.command;

import com.engagementledger.engagement.api.EngagementView;
import com.engagementledger.engagement.api.FindEngagement;
import com.engagementledger.engagement.api.SeatHolderView;
import com.engagementledger.engagement.api.SeatOverlap;
import com.engagementledger.engagement.api.SeatView;
import com.engagementledger.platform.api.RuleViolation;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * The engagement's seats as its read model shows them, for the one-seat-per-professional rule (ADR 0026). Read
 * through the query gateway, never by loading the engagement: the engagement loads replacements in its own command
 * handlers (ADR 0025), and a replacement loading the engagement would take the two locks the other way round. The
 * read model can lag by a moment; an engagement it cannot show is refused as retryable, never passed blind.
 */
@Component
public class EngagementSeats {

    /** The read model answers from one document; a slow answer means something is wrong, not that it is busy. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final QueryGateway queries;

    public EngagementSeats(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * The seat other than {@code seatId} that {@code professionalId} holds, or is scheduled to hold as the incoming
     * professional of an overlap, on or after {@code day}, if any.
     */
    Optional<String> otherSeatHeldOnOrAfter(String engagementId, String seatId, String professionalId,
                                            LocalDate day) {
        return seats(engagementId).stream()
                .filter(seat -> !seat.seatId().equals(seatId))
                .filter(seat -> seat.releaseDate() == null || seat.releaseDate().isAfter(day))
                .filter(seat -> seat.holders().stream().anyMatch(holder -> holds(holder, professionalId, day))
                        || seat.overlaps().stream().anyMatch(overlap -> works(overlap, professionalId, day)))
                .map(SeatView::seatId)
                .findFirst();
    }

    /**
     * The last billed day of seat {@code seatId} (the day before its release or the notice's last day, whichever is
     * first; null when it has neither), once the read model shows the engagement's event {@code sequence}: until
     * then a retryable refusal, for the process to try again.
     */
    Optional<LocalDate> seatLastDay(String engagementId, String seatId, long sequence) {
        EngagementView engagement = engagement(engagementId);
        if (engagement.version() < sequence) {
            throw unavailable(engagementId, "is shown at version " + engagement.version() + ", before event "
                    + sequence);
        }
        LocalDate lastDay = engagement.dates() == null ? null : engagement.dates().lastDay();
        return engagement.seats().stream()
                .filter(seat -> seat.seatId().equals(seatId))
                .findFirst()
                .flatMap(seat -> {
                    LocalDate beforeRelease = seat.releaseDate() == null ? null : seat.releaseDate().minusDays(1);
                    if (beforeRelease == null || lastDay == null) {
                        return Optional.ofNullable(beforeRelease != null ? beforeRelease : lastDay);
                    }
                    return Optional.of(beforeRelease.isBefore(lastDay) ? beforeRelease : lastDay);
                });
    }

    /** The seats of the engagement; overridable so that an aggregate test needs no query bus. */
    List<SeatView> seats(String engagementId) {
        return engagement(engagementId).seats();
    }

    /** The engagement as its read model shows it; overridable so that a saga test needs no query bus. */
    EngagementView engagement(String engagementId) {
        try {
            return queries.query(new FindEngagement(engagementId),
                            ResponseTypes.optionalInstanceOf(EngagementView.class))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .orElseThrow(() -> unavailable(engagementId, "is not in the read model yet"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(engagementId, "could not be read (interrupted)");
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(engagementId, "could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static boolean holds(SeatHolderView holder, String professionalId, LocalDate day) {
        return holder.professionalId().equals(professionalId) && (holder.to() == null || !holder.to().isBefore(day));
    }

    private static boolean works(SeatOverlap overlap, String professionalId, LocalDate day) {
        return overlap.professionalId().equals(professionalId) && !overlap.to().isBefore(day);
    }

    private static RuleViolation unavailable(String engagementId, String why) {
        return RuleViolation.unavailable("engagement-unavailable", "Engagement " + engagementId + " " + why
                + ", so the seats its professionals hold cannot be checked; try again in a moment");
    }
}
