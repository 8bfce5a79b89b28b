package com.engagementledger.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class whose application context runs on PostgreSQL: when PostgreSQL is not reachable its tests are
 * skipped with the reason, before any context is started (a context that cannot reach its database would fail
 * rather than skip); with {@code LEDGER_REQUIRE_SERVICES=true} they fail instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {

    /** Evaluated for the class, before JUnit creates a test instance (and Spring its context). */
    class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String unreachable = PostgresDatabase.unreachableMessage();
            return unreachable == null
                    ? ConditionEvaluationResult.enabled("PostgreSQL is reachable")
                    : ConditionEvaluationResult.disabled(unreachable);
        }
    }
}
