package com.engagementledger.replacement.api;

import com.engagementledger.calendar.api.BusinessDays;
import com.engagementledger.engagement.api.BillingModel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;

/**
 * A replacement's figures as of a day, which the read models work out when asked rather than store, since they
 * change with the date alone: the status ({@code CANDIDATE_ACCEPTED} reads {@code OVERLAP} from the overlap's first
 * day), the business days left before the SLA's due date, and the business days late after it, counted the way
 * the service credit counts them ({@link BusinessDays#between}: after the due date, up to and including the day the
 * SLA stopped running, or today).
 */
public record SlaClock(BusinessDays businessDays) {

    /** The status on {@code day} of a replacement whose events left it in {@code recorded}. */
    public static ReplacementStatus statusOn(ReplacementStatus recorded, LocalDate overlapFrom, LocalDate day) {
        if (recorded == ReplacementStatus.CANDIDATE_ACCEPTED && overlapFrom != null && !day.isBefore(overlapFrom)) {
            return ReplacementStatus.OVERLAP;
        }
        return recorded;
    }

    /** Business days from {@code day} up to and including the due date; 0 once it has passed. */
    public int daysLeft(LocalDate slaDueDate, LocalDate day) {
        return businessDays.between(day, slaDueDate);
    }

    /** Business days after the due date up to and including {@code day}; 0 on or before the due date. */
    public int daysLate(LocalDate slaDueDate, LocalDate day) {
        return businessDays.between(slaDueDate, day);
    }

    /**
     * The missed SLA as of {@code today}, or null if it holds (and no breach was recorded). A granted credit is final; before it, the days count
     * up to the day a candidate was accepted or the replacement withdrawn ({@code stoppedOn}), or up to today while
     * neither happened, and a free replacement's credit is what those days would earn.
     *
     * @param recordedOn the day the breach was recorded, or null
     * @param granted    the credit granted, or null before (or without) one
     */
    public SlaBreach breach(Terms terms, LocalDate stoppedOn, LocalDate today, LocalDate recordedOn,
                            ServiceCreditGranted granted) {
        if (granted != null) {
            return new SlaBreach(granted.businessDaysLate(), granted.amount(), granted.currency(), true, recordedOn);
        }
        if (stoppedOn != null && recordedOn == null) {
            // the replacement records the breach whenever its SLA stops late; none recorded, none owed (the seat or
            // the engagement ended by the due date)
            return null;
        }
        LocalDate until = stoppedOn != null ? stoppedOn : today;
        int late = daysLate(terms.slaDueDate(), until);
        if (late == 0 && recordedOn == null) {
            return null;
        }
        Currency currency = Currency.getInstance(terms.currency());
        BigDecimal credit = terms.eligibility() == Eligibility.FREE
                ? ServiceCredit.amount(terms.billingModel(), terms.seatRate(), late, currency)
                : BigDecimal.ZERO.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.UNNECESSARY);
        return new SlaBreach(late, credit, terms.currency(), stoppedOn != null, recordedOn);
    }

    /** What a replacement's request fixed about its SLA and its credit ({@link ReplacementRequested}). */
    public record Terms(Eligibility eligibility, LocalDate slaDueDate, BillingModel billingModel, BigDecimal seatRate,
                        String currency) {
    }
}
