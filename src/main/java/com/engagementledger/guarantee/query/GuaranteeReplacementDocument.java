package com.engagementledger.guarantee.query;

import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.replacement.api.Eligibility;
import com.engagementledger.replacement.api.ReplacementStatus;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One replacement of the engagement inside a guarantees document: what its SLA clock and its credit need. A step
 * changes a {@link #copy}, never the instance the previous document holds.
 */
class GuaranteeReplacementDocument {

    String replacementId;
    String seatId;
    /** As recorded: {@code CANDIDATE_ACCEPTED} reads {@code OVERLAP} from {@code overlapFrom} on. */
    ReplacementStatus status;
    Eligibility eligibility;
    LocalDate slaDueDate;
    BillingModel billingModel;
    BigDecimal seatRate;
    LocalDate acceptedOn;
    LocalDate overlapFrom;
    LocalDate withdrawnOn;
    LocalDate slaBreachedOn;
    Integer creditDaysLate;
    BigDecimal creditAmount;
    LocalDate creditGrantedOn;

    GuaranteeReplacementDocument copy() {
        GuaranteeReplacementDocument copy = new GuaranteeReplacementDocument();
        copy.replacementId = replacementId;
        copy.seatId = seatId;
        copy.status = status;
        copy.eligibility = eligibility;
        copy.slaDueDate = slaDueDate;
        copy.billingModel = billingModel;
        copy.seatRate = seatRate;
        copy.acceptedOn = acceptedOn;
        copy.overlapFrom = overlapFrom;
        copy.withdrawnOn = withdrawnOn;
        copy.slaBreachedOn = slaBreachedOn;
        copy.creditDaysLate = creditDaysLate;
        copy.creditAmount = creditAmount;
        copy.creditGrantedOn = creditGrantedOn;
        return copy;
    }
}
