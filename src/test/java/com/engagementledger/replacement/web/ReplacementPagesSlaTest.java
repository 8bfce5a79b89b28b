package com.engagementledger.replacement.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.calendar.api.BusinessDays;
import com.engagementledger.replacement.api.CandidateStatus;
import com.engagementledger.replacement.api.CandidateView;
import com.engagementledger.replacement.api.Eligibility;
import com.engagementledger.replacement.api.ReplacementReason;
import com.engagementledger.replacement.api.ReplacementStatus;
import com.engagementledger.replacement.api.ReplacementView;
import com.engagementledger.replacement.api.SlaBreach;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The replacement page's SLA clock in words (DESIGN.md §3: the SLA counts business days from the request): business
 * days left up to the due date, due today, overdue by the business days after it, or stopped; and which of the flow's
 * actions the replacement's state offers.
 */
class ReplacementPagesSlaTest {

    private static final LocalDate REQUESTED = LocalDate.of(2027, 3, 17); // a Wednesday
    private static final LocalDate DUE = LocalDate.of(2027, 3, 24);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-26T10:15:00Z"), ZoneOffset.UTC);

    private final ReplacementPages pages = new ReplacementPages(null, null, null, null, CLOCK,
            new BusinessDays(Set.of()));

    @Test
    void aRunningClockSaysTheBusinessDaysLeftOrLate() {
        assertThat(pages.sla(replacement(ReplacementStatus.REQUESTED, REQUESTED, null)).text())
                .isEqualTo("5 business days left (due 2027-03-24).");
        assertThat(pages.sla(replacement(ReplacementStatus.REQUESTED, LocalDate.of(2027, 3, 23), null)).text())
                .isEqualTo("1 business day left (due 2027-03-24).");
        assertThat(pages.sla(replacement(ReplacementStatus.CANDIDATE_PROPOSED, DUE, null)).text())
                .isEqualTo("Due today (2027-03-24).");
        ReplacementPages.Sla late = pages.sla(replacement(ReplacementStatus.REQUESTED, LocalDate.of(2027, 3, 29),
                null));
        assertThat(late.text()).as("Thursday, Friday and Monday after the due date")
                .isEqualTo("Overdue by 3 business days (due 2027-03-24).");
        assertThat(late.overdue()).isTrue();
        assertThat(late.checkedAt()).as("read from the server's clock").isEqualTo("2027-03-26 10:15 UTC");
    }

    @Test
    void aStoppedClockSaysWhetherItStoppedInTime() {
        ReplacementPages.Sla inTime = pages.sla(replacement(ReplacementStatus.CANDIDATE_ACCEPTED, DUE, null));
        assertThat(inTime.text()).isEqualTo("Stopped within the SLA.");
        assertThat(inTime.running()).isFalse();
        SlaBreach breach = new SlaBreach(2, new BigDecimal("740.00"), "EUR", true, DUE.plusDays(1));
        assertThat(pages.sla(replacement(ReplacementStatus.COMPLETED, DUE.plusDays(10), breach)).text())
                .isEqualTo("Stopped 2 business days late.");
    }

    @Test
    void theFlowOffersWhatTheReplacementsStateAllows() {
        assertThat(ReplacementAction.offered(replacement(ReplacementStatus.REQUESTED, REQUESTED, null)))
                .containsExactly(ReplacementAction.PROPOSE_CANDIDATE, ReplacementAction.WITHDRAW);
        ReplacementView pending = withCandidate(replacement(ReplacementStatus.CANDIDATE_PROPOSED, REQUESTED, null));
        assertThat(ReplacementAction.offered(pending)).containsExactly(ReplacementAction.ACCEPT_CANDIDATE,
                ReplacementAction.REJECT_CANDIDATE, ReplacementAction.WITHDRAW);
        assertThat(ReplacementAction.offered(replacement(ReplacementStatus.OVERLAP, REQUESTED, null)))
                .containsExactly(ReplacementAction.COMPLETE, ReplacementAction.WITHDRAW);
        assertThat(ReplacementAction.offered(replacement(ReplacementStatus.COMPLETED, REQUESTED, null))).isEmpty();
    }

    private static ReplacementView withCandidate(ReplacementView r) {
        return new ReplacementView(r.replacementId(), r.engagementId(), r.seatId(), r.reason(), r.note(), r.status(),
                r.eligibility(), r.eligibilityReason(), r.requestedOn(), r.slaDueDate(),
                List.of(new CandidateView("c-1", "pro-c", "Cleo", CandidateStatus.PROPOSED, null)),
                r.outgoingProfessionalId(), r.outgoingProfessionalName(), null, null, null, null, null,
                r.asOfDate(), r.version());
    }

    private static ReplacementView replacement(ReplacementStatus status, LocalDate asOf, SlaBreach breach) {
        return new ReplacementView("r-1", "e-1", "s-1", ReplacementReason.ATTRITION, null, status, Eligibility.FREE,
                "attrition", REQUESTED, DUE, List.of(), "pro-a", "Ann", null, null, null, null, breach, asOf, 1);
    }
}
