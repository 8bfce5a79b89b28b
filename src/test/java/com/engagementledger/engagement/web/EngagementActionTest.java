package com.engagementledger.engagement.web;

import static com.engagementledger.engagement.web.EngagementAction.ACCEPT_TRIAL;
import static com.engagementledger.engagement.web.EngagementAction.ACTIVATE;
import static com.engagementledger.engagement.web.EngagementAction.ADD_SEAT;
import static com.engagementledger.engagement.web.EngagementAction.CANCEL;
import static com.engagementledger.engagement.web.EngagementAction.END;
import static com.engagementledger.engagement.web.EngagementAction.NOTICE;
import static com.engagementledger.engagement.web.EngagementAction.PAUSE;
import static com.engagementledger.engagement.web.EngagementAction.RATE_CHANGE;
import static com.engagementledger.engagement.web.EngagementAction.REJECT_TRIAL;
import static com.engagementledger.engagement.web.EngagementAction.RELEASE_SEAT;
import static com.engagementledger.engagement.web.EngagementAction.RESUME;
import static com.engagementledger.engagement.web.EngagementAction.START_TRIAL;
import static com.engagementledger.engagement.web.EngagementAction.WITHDRAW_NOTICE;
import static com.engagementledger.engagement.web.EngagementAction.WITHDRAW_PAUSE;
import static com.engagementledger.engagement.web.EngagementAction.WITHDRAW_RATE_CHANGE;
import static com.engagementledger.engagement.web.EngagementAction.WITHDRAW_RELEASE;
import static com.engagementledger.engagement.web.EngagementAction.WITHDRAW_RESUME;
import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.engagement.api.BillingCycle;
import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.EngagementStatus;
import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.engagement.api.EngagementView;
import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.engagement.api.KeyDates;
import com.engagementledger.engagement.api.RateStep;
import com.engagementledger.engagement.api.SeatView;
import com.engagementledger.platform.console.ConsoleAction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engagement page offers the actions the engagement's state allows, as the aggregate accepts them (its
 * {@code requireStatus} per command), and what each needs: a seat to release, a scheduled rate change to withdraw.
 */
class EngagementActionTest {

    private static final LocalDate TODAY = LocalDate.of(2035, 3, 14);

    @Test
    void aProposalIsStartedOrActivatedAsItsTermsSayOrCancelled() {
        assertThat(EngagementAction.offered(engagement(EngagementStatus.PROPOSED, 14, dates(), seat(null))))
                .containsExactly(START_TRIAL, CANCEL, ADD_SEAT, RELEASE_SEAT, RATE_CHANGE);
        assertThat(EngagementAction.offered(engagement(EngagementStatus.PROPOSED, 0, dates(), seat(null))))
                .containsExactly(ACTIVATE, CANCEL, ADD_SEAT, RELEASE_SEAT, RATE_CHANGE);
    }

    @Test
    void aTrialIsDecided() {
        assertThat(EngagementAction.offered(engagement(EngagementStatus.TRIAL, 14, dates(), seat(null))))
                .containsExactly(ACCEPT_TRIAL, REJECT_TRIAL, ADD_SEAT, RELEASE_SEAT, RATE_CHANGE);
    }

    @Test
    void anActiveEngagementIsPausedOrGivenNoticeAndItsSeatsAndRatesChanged() {
        SeatView released = seat(TODAY.plusDays(10));
        SeatView withRateChange = new SeatView("seat-2", "pro-b", "Bo", TODAY, TODAY, null, true,
                new BigDecimal("100.00"), List.of(new RateStep(TODAY.plusDays(40), new BigDecimal("110.00"), "rc-1")),
                List.of(), List.of(), List.of(), null);
        assertThat(EngagementAction.offered(engagement(EngagementStatus.ACTIVE, 0, dates(), released,
                withRateChange)))
                .containsExactly(ADD_SEAT, RELEASE_SEAT, WITHDRAW_RELEASE, RATE_CHANGE, WITHDRAW_RATE_CHANGE, PAUSE,
                        NOTICE);
    }

    @Test
    void aPauseIsResumedOrWithdrawnAndAResumeWithdrawn() {
        KeyDates paused = new KeyDates(TODAY, null, null, null, TODAY, TODAY, null, null, null, null, null, null,
                null);
        assertThat(EngagementAction.offered(engagement(EngagementStatus.PAUSED, 0, paused, seat(null))))
                .contains(RESUME, WITHDRAW_PAUSE, NOTICE).doesNotContain(PAUSE, WITHDRAW_RESUME);
        KeyDates resumed = new KeyDates(TODAY, null, null, null, TODAY, null, TODAY, null, null, null, null, null,
                null);
        assertThat(EngagementAction.offered(engagement(EngagementStatus.ACTIVE, 0, resumed, seat(null))))
                .contains(PAUSE, WITHDRAW_RESUME).doesNotContain(RESUME, WITHDRAW_PAUSE);
    }

    @Test
    void aNoticeIsWithdrawnWhileItRunsAndTheEngagementEndedAfterItsLastDay() {
        KeyDates running = new KeyDates(TODAY, null, null, null, TODAY, null, null, TODAY, TODAY.plusDays(30), null,
                null, null, null);
        assertThat(EngagementAction.offered(engagement(EngagementStatus.NOTICE_GIVEN, 0, running, seat(null))))
                .contains(WITHDRAW_NOTICE, PAUSE).doesNotContain(END, NOTICE, RESUME);
        KeyDates ranOut = new KeyDates(TODAY, null, null, null, TODAY, null, null, TODAY, TODAY.minusDays(1), null,
                null, null, null);
        assertThat(EngagementAction.offered(engagement(EngagementStatus.NOTICE_GIVEN, 0, ranOut, seat(null))))
                .contains(END);
    }

    @Test
    void anEndedEngagementOffersNothing() {
        for (EngagementStatus status : List.of(EngagementStatus.ENDED, EngagementStatus.CANCELLED,
                EngagementStatus.TRIAL_REJECTED)) {
            assertThat(EngagementAction.offered(engagement(status, 0, dates(), seat(null)))).as(status.name())
                    .isEmpty();
        }
    }

    @Test
    void aFormIsNamedAfterItsPathAndNamesOnlyItsOwnFields() {
        assertThat(RATE_CHANGE.formName()).isEqualTo("rateChange");
        assertThat(WITHDRAW_RATE_CHANGE.formName()).isEqualTo("withdrawRateChange");
        assertThat(RATE_CHANGE.formField("newRate")).isEqualTo("newRate");
        assertThat(RATE_CHANGE.formField("rateChangeId")).as("not a field of this form").isNull();
        assertThat(ConsoleAction.byPath(EngagementAction.class, "rate-change")).contains(RATE_CHANGE);
        assertThat(ConsoleAction.byPath(EngagementAction.class, "no-such-action")).isEmpty();
    }

    private static KeyDates dates() {
        return new KeyDates(TODAY, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static SeatView seat(LocalDate releaseDate) {
        return new SeatView("seat-1", "pro-a", "Ann", TODAY, TODAY, releaseDate, true, new BigDecimal("100.00"),
                List.of(), List.of(), List.of(), List.of(), null);
    }

    private static EngagementView engagement(EngagementStatus status, int trialDays, KeyDates dates,
                                             SeatView... seats) {
        EngagementTerms terms = new EngagementTerms("UTC", BillingCycle.MONTHLY, 30, 30, trialDays, 90, 2, 5, 5, 30,
                IpTrigger.ON_PAYMENT);
        return new EngagementView("e-1", 3, "acme", "Acme", "Engineer", "EUR", BillingModel.MONTHLY, status, terms,
                List.of(seats), dates, TODAY, List.of(), null);
    }

    @Test
    void noActionsFormIsNamedLikeThePagesNotice() {
        // the page's flash message is the model attribute "notice": a form of that name would be replaced by it
        assertThat(java.util.Arrays.stream(EngagementAction.values()).map(EngagementAction::formName))
                .doesNotContain("notice");
    }
}
