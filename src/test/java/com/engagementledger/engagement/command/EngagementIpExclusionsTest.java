package com.engagementledger.engagement.command;

import static com.engagementledger.support.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.engagement.api.BillingCycle;
import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.EngagementActivated;
import com.engagementledger.engagement.api.EngagementCancelled;
import com.engagementledger.engagement.api.EngagementProposed;
import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.engagement.api.IpExclusionsSet;
import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.engagement.api.NewSeat;
import com.engagementledger.engagement.api.SetIpExclusions;
import com.engagementledger.iptransfer.api.EngagementIpTerms.IpTerms;
import com.engagementledger.platform.api.RuleViolation.Kind;
import com.engagementledger.platform.time.TestClock;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The background technology an engagement excludes from IP transfer (ADR 0035): replaced as a whole with a reason,
 * plain-text items named once, refused once the engagement is over and when nothing changes; the IP terms the
 * transfer policy reads carry the list.
 */
class EngagementIpExclusionsTest {

    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    private static final String ID = "eng-1";
    private static final EngagementTerms NO_TRIAL = new EngagementTerms("UTC", BillingCycle.MONTHLY, 30, 30, 0, 90,
            2, 5, 5, 30, IpTrigger.ON_PAYMENT);
    private static final EngagementProposed PROPOSED = new EngagementProposed(ID, "client-1", "Acme GmbH",
            "Backend engineer", "EUR", BillingModel.MONTHLY, List.of(new NewSeat("seat-1", "pro-1", "Ada Lovelace",
            new BigDecimal("8000.00"), TODAY)), NO_TRIAL, TODAY);

    private AggregateTestFixture<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Engagement.class);
        fixture.registerInjectableResource(new TestClock(Clock.fixed(NOW, ZoneOffset.UTC)));
        fixture.registerInjectableResource(new BackDatingWindow(31));
        fixture.registerInjectableResource(new ForwardDatingWindow(365));
        fixture.registerInjectableResource(new FakeReplacementRecords());
    }

    @Test
    void theExclusionsAreReplacedWithAReasonAndTheIpTermsCarryThem() {
        fixture.given(PROPOSED, new EngagementActivated(ID, TODAY))
                .when(new SetIpExclusions(ID, List.of(" Acme UI kit ", "Charting lib"), "contract annex 2", null))
                .expectEvents(new IpExclusionsSet(ID, List.of("Acme UI kit", "Charting lib"), "contract annex 2"))
                .expectResultMessagePayload(2L)
                .expectState(engagement -> assertThat(engagement.ipTerms("inv-unknown")).isEqualTo(new IpTerms(ID, "Acme GmbH",
                        List.of("Acme UI kit", "Charting lib"))));
    }

    @Test
    void aProposalMaySetThemAndAnEmptyListClearsThem() {
        fixture.given(PROPOSED)
                .when(new SetIpExclusions(ID, List.of("Charting lib"), "annex", null))
                .expectEvents(new IpExclusionsSet(ID, List.of("Charting lib"), "annex"));
        fixture.given(PROPOSED, new IpExclusionsSet(ID, List.of("Charting lib"), "annex"))
                .when(new SetIpExclusions(ID, List.of(), "licence bought out", null))
                .expectEvents(new IpExclusionsSet(ID, List.of(), "licence bought out"))
                .expectState(engagement -> assertThat(engagement.ipTerms("inv-unknown").exclusions()).isEmpty());
    }

    @Test
    void anEngagementStartsWithoutExclusionsSoAnEmptyListIsNoChange() {
        fixture.given(PROPOSED)
                .when(new SetIpExclusions(ID, List.of(), "nothing", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "no-change", null))
                .expectNoEvents();
    }

    @Test
    void theSameListAgainIsRefusedAsNoChange() {
        fixture.given(PROPOSED, new IpExclusionsSet(ID, List.of("Charting lib"), "annex"))
                .when(new SetIpExclusions(ID, List.of("Charting lib "), "again", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "no-change", null))
                .expectNoEvents();
    }

    @Test
    void anEngagementThatIsOverIsRefused() {
        fixture.given(PROPOSED, new EngagementCancelled(ID, TODAY, null))
                .when(new SetIpExclusions(ID, List.of("Charting lib"), "annex", null))
                .expectException(violation(Kind.ILLEGAL_STATE, "status", null, "CANCELLED"))
                .expectNoEvents();
    }

    @Test
    void badItemsAndAMissingReasonAreRefusedNamingTheField() {
        fixture.given(PROPOSED)
                .when(new SetIpExclusions(ID, List.of("Charting lib", "CHARTING lib"), "annex", null))
                .expectException(violation(Kind.INVALID_INPUT, "unique", "exclusions[1]"));
        fixture.given(PROPOSED)
                .when(new SetIpExclusions(ID, List.of("Chart\u202Eing"), "annex", null))
                .expectException(violation(Kind.MALFORMED, "plain-text", "exclusions[0]"));
        fixture.given(PROPOSED)
                .when(new SetIpExclusions(ID, List.of("line one\nline two"), "annex", null))
                .expectException(violation(Kind.MALFORMED, "plain-text", "exclusions[0]"));
        fixture.given(PROPOSED)
                .when(new SetIpExclusions(ID, List.of(""), "annex", null))
                .expectException(violation(Kind.MALFORMED, "required", "exclusions[0]"));
        fixture.given(PROPOSED)
                .when(new SetIpExclusions(ID, List.of("y".repeat(201)), "annex", null))
                .expectException(violation(Kind.INVALID_INPUT, "length", "exclusions[0]"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= 50; i++) {
            many.add("item " + i);
        }
        fixture.given(PROPOSED)
                .when(new SetIpExclusions(ID, many, "annex", null))
                .expectException(violation(Kind.INVALID_INPUT, "maximum", "exclusions"));
        fixture.given(PROPOSED)
                .when(new SetIpExclusions(ID, null, "annex", null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "exclusions"));
        fixture.given(PROPOSED)
                .when(new SetIpExclusions(ID, List.of("Charting lib"), " ", null))
                .expectException(violation(Kind.INVALID_INPUT, "required", "reason"))
                .expectNoEvents();
    }
}
