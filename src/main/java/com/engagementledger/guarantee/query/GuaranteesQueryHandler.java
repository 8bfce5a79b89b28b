package com.engagementledger.guarantee.query;

import com.engagementledger.calendar.api.BusinessDays;
import com.engagementledger.guarantee.api.FindGuarantees;
import com.engagementledger.guarantee.api.GuaranteeBreach;
import com.engagementledger.guarantee.api.GuaranteeSeat;
import com.engagementledger.guarantee.api.GuaranteesView;
import com.engagementledger.guarantee.api.OpenReplacement;
import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.time.Today;
import com.engagementledger.replacement.api.GuaranteeEligibility;
import com.engagementledger.replacement.api.ServiceCreditGranted;
import com.engagementledger.replacement.api.SlaBreach;
import com.engagementledger.replacement.api.SlaClock;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers the guarantees of an engagement as of today in its time zone: the SLA clock of each open replacement
 * (business days left or late) and the days late of each missed SLA move with the date alone, so they are worked
 * out here with {@link SlaClock} ({@link BusinessDays} and the application clock), not stored.
 */
@Component
public class GuaranteesQueryHandler {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final SlaClock sla;

    public GuaranteesQueryHandler(MongoTemplate mongo, Clock clock, BusinessDays businessDays) {
        this.mongo = mongo;
        this.clock = clock;
        this.sla = new SlaClock(businessDays);
    }

    @QueryHandler
    public Optional<GuaranteesView> find(FindGuarantees query) {
        return Optional.ofNullable(mongo.findById(query.engagementId(), GuaranteesDocument.class)).map(this::view);
    }

    private GuaranteesView view(GuaranteesDocument doc) {
        LocalDate today = Today.in(clock, ZoneId.of(doc.timeZone));
        GuaranteeEligibility guarantee = new GuaranteeEligibility(doc.guaranteeWindowDays,
                doc.freeReplacementsPerSeat);
        List<GuaranteeSeat> seats = doc.seats.stream().map(seat -> {
            LocalDate guaranteeEndsOn = guarantee.guaranteeEndsOn(seat.seatStart());
            // after the window a request is billable, whatever the quota would still allow
            int freeLeft = today.isAfter(guaranteeEndsOn) ? 0
                    : Math.max(0, doc.freeReplacementsPerSeat - seat.freeReplacementsUsed());
            return new GuaranteeSeat(seat.seatId(), seat.professionalId(), seat.professionalName(), seat.seatStart(),
                    seat.releaseDate(), guaranteeEndsOn, seat.freeReplacementsUsed(), freeLeft,
                    openReplacement(doc, seat.seatId(), today));
        }).toList();
        Currency currency = Currency.getInstance(doc.currency);
        BigDecimal owed = BigDecimal.ZERO.setScale(Math.max(currency.getDefaultFractionDigits(), 0));
        List<GuaranteeBreach> breaches = new ArrayList<>();
        for (GuaranteeReplacementDocument replacement : doc.replacements) {
            SlaBreach breach = breach(doc, replacement, today);
            if (breach != null) {
                // no invoice carries credits yet: invoicing will name the one that does
                breaches.add(new GuaranteeBreach(replacement.replacementId, replacement.seatId,
                        breach.businessDaysLate(), breach.creditAmount(), breach.fixed(), null));
            }
            if (replacement.creditAmount != null) {
                owed = owed.add(replacement.creditAmount);
            }
        }
        return new GuaranteesView(doc.engagementId, doc.currency, seats, breaches, owed, today);
    }

    /** The replacement open on the seat as of today, with its SLA clock; null if none is. */
    private OpenReplacement openReplacement(GuaranteesDocument doc, String seatId, LocalDate today) {
        return doc.replacements.stream()
                .filter(replacement -> replacement.seatId.equals(seatId) && replacement.status.isOpen())
                .findFirst()
                .map(replacement -> {
                    boolean accepted = replacement.acceptedOn != null;
                    return new OpenReplacement(replacement.replacementId,
                            SlaClock.statusOn(replacement.status, replacement.overlapFrom, today),
                            replacement.slaDueDate,
                            accepted ? null : sla.daysLeft(replacement.slaDueDate, today),
                            sla.daysLate(replacement.slaDueDate, accepted ? replacement.acceptedOn : today));
                })
                .orElse(null);
    }

    private SlaBreach breach(GuaranteesDocument doc, GuaranteeReplacementDocument replacement, LocalDate today) {
        ServiceCreditGranted granted = replacement.creditAmount == null ? null
                : new ServiceCreditGranted(replacement.replacementId, doc.engagementId, replacement.seatId,
                replacement.creditDaysLate, replacement.creditAmount, doc.currency, replacement.creditGrantedOn);
        LocalDate stoppedOn = replacement.acceptedOn != null ? replacement.acceptedOn : replacement.withdrawnOn;
        return sla.breach(new SlaClock.Terms(replacement.eligibility, replacement.slaDueDate,
                replacement.billingModel, replacement.seatRate, doc.currency), stoppedOn, today,
                replacement.slaBreachedOn, granted);
    }

    /**
     * Declares the read model, ordered: one document takes the events of two aggregates, the engagement and its
     * replacements (ADR 0027).
     */
    @Configuration(proxyBeanMethods = false)
    static class GuaranteesReadModel {
        @Bean
        ReadModel guaranteesReadModel() {
            return GuaranteesProjection.READ_MODEL;
        }
    }
}
