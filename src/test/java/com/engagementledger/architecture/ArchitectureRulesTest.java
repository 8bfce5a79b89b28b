package com.engagementledger.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.architecture.fixture.alpha.command.AlphaPolicy;
import com.engagementledger.engagement.api.EngagementProposed;
import com.engagementledger.platform.archfixture.PlatformReachingIntoAFeature;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules catch what they are meant to catch, shown on fixtures that break them.
 */
class ArchitectureRulesTest {

    static class ReadsTheTime {
        Instant instant() {
            return Instant.now();
        }

        LocalDate dateInAZone() {
            return LocalDate.now(ZoneId.of("Europe/Paris"));
        }

        long millis() {
            return System.currentTimeMillis();
        }

        Supplier<Instant> reference() {
            return Instant::now;
        }

        Clock clock() {
            return Clock.systemUTC();
        }

        LocalDate fromAnInjectedClockIsFine(Clock clock) {
            return LocalDate.ofInstant(clock.instant(), ZoneId.of("UTC"));
        }
    }

    record Unrevised(String id) {
    }

    static class Saga {
        @SagaEventHandler(associationProperty = "id")
        void on(Unrevised event) {
        }

        @SagaEventHandler(associationProperty = "engagementId")
        void on(EngagementProposed event) {
        }
    }

    static class UsesFloatingPoint {
        private double share;

        BigDecimal fromADouble(long days) {
            return BigDecimal.valueOf(days / 31.0);
        }

        long rounded(BigDecimal amount) {
            return Math.round(amount.doubleValue());
        }

        float asFloat() {
            return 0.1f;
        }

        BigDecimal exactIsFine(BigDecimal amount) {
            return amount.multiply(BigDecimal.TEN);
        }
    }

    @Test
    void floatingPointInAnyFormIsCaught() {
        EvaluationResult result = evaluate(ArchitectureTest.noFloatingPointIn(
                ArchitectureRulesTest.class.getPackageName()), UsesFloatingPoint.class);
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("share"))
                .anyMatch(line -> line.contains("valueOf(double)"))
                .anyMatch(line -> line.contains("doubleValue"))
                .anyMatch(line -> line.contains("Math.round"))
                .anyMatch(line -> line.contains("asFloat"))
                .noneMatch(line -> line.contains("exactIsFine"));
    }

    @Test
    void everyOwnReadingOfTheTimeIsCaught() {
        EvaluationResult result = evaluate(ArchitectureTest.nothingReadsTheSystemClock, ReadsTheTime.class);
        assertThat(result.getFailureReport().getDetails()).hasSize(5)
                .noneMatch(line -> line.contains("fromAnInjectedClockIsFine"));
    }

    @Test
    void anEventHandledBySagaNeedsARevisionToo() {
        EvaluationResult result = evaluate(ArchitectureTest.everyHandledEventHasARevision, Saga.class);
        assertThat(result.getFailureReport().getDetails()).singleElement()
                .satisfies(line -> assertThat(line).contains(Unrevised.class.getName()));
    }

    @Test
    void thePlatformMayNotKnowAFeature() {
        EvaluationResult result = evaluate(ArchitectureTest.platformKnowsNoFeature,
                PlatformReachingIntoAFeature.class);
        assertThat(result.hasViolation()).isTrue();
    }

    @Test
    void aFeatureMayUseAnotherOnlyThroughItsApi() {
        ArchRule rule = ArchitectureTest.featuresMeetOnlyThroughTheirApi(
                "com.engagementledger.architecture.fixture");
        JavaClasses classes = new ClassFileImporter().importPackages("com.engagementledger.architecture.fixture");
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.getFailureReport().getDetails()).isNotEmpty()
                .allMatch(line -> line.contains("BetaDocument") && line.contains(AlphaPolicy.class.getSimpleName()));
    }

    private static EvaluationResult evaluate(ArchRule rule, Class<?> fixture) {
        return rule.evaluate(new ClassFileImporter().importClasses(fixture));
    }
}
