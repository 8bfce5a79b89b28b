package com.engagementledger.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.web.Gateways;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * A report's {@code asOf} is bounded (from 2000-01-01 to one year after the application's today): a day far ahead
 * walked every month up to it (9999-12-31: 30 s, then a 500); refused, naming the field and the bounds, before any
 * query is sent, for the API and the console alike (both read it here).
 */
class BillingReportsAsOfTest {

    private final Gateways gateways = mock(Gateways.class);
    private final BillingReports reports = new BillingReports(gateways,
            Clock.fixed(Instant.parse("2027-03-17T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void aDayOutsideTheBoundsIsRefusedBeforeAnyQuery() {
        for (String day : new String[] {"9999-12-31", "2028-03-18", "1999-12-31", "0001-01-01"}) {
            assertThatThrownBy(() -> reports.unbilled(day, 0, 50)).as(day).isInstanceOfSatisfying(
                    RuleViolation.class, refused -> {
                        assertThat(refused.field()).isEqualTo("asOf");
                        assertThat(refused.kind()).isEqualTo(RuleViolation.Kind.MALFORMED);
                        assertThat(refused.getMessage()).isEqualTo("asOf: must be a date from 2000-01-01 to one"
                                + " year after today (2028-03-17), not " + java.time.LocalDate.parse(day));
                    });
            assertThatThrownBy(() -> reports.aging(day)).as(day).isInstanceOf(RuleViolation.class);
        }
        verify(gateways, never()).query(any(), any(org.axonframework.messaging.responsetypes.ResponseType.class));
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        reports.aging("2000-01-01");
        reports.aging("2028-03-17");
        reports.unbilled(null, 0, 50);
    }
}
