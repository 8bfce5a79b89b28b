package com.engagementledger.support;

import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.api.RuleViolation.Kind;
import java.util.Objects;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * Matchers for refusals in aggregate fixture tests ({@code expectException(violation(...))}).
 */
public final class Violations {

    private Violations() {
    }

    /** A refusal: a {@link RuleViolation} of the given kind, with a stable rule code, naming the offending field. */
    public static Matcher<RuleViolation> violation(Kind kind, String rule, String field) {
        return violation(kind, rule, field, "");
    }

    /** A refusal as {@link #violation(Kind, String, String)} whose message also says the given words. */
    public static Matcher<RuleViolation> violation(Kind kind, String rule, String field, String saying) {
        return new TypeSafeDiagnosingMatcher<>(RuleViolation.class) {
            @Override
            protected boolean matchesSafely(RuleViolation actual, Description mismatch) {
                mismatch.appendText("was a RuleViolation ").appendValue(actual.kind())
                        .appendText(" rule ").appendValue(actual.rule())
                        .appendText(" field ").appendValue(actual.field())
                        .appendText(": ").appendValue(actual.getMessage());
                return actual.kind() == kind && Objects.equals(actual.rule(), rule)
                        && Objects.equals(actual.field(), field)
                        && actual.getMessage() != null && actual.getMessage().contains(saying);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation ").appendValue(kind)
                        .appendText(" rule ").appendValue(rule)
                        .appendText(" field ").appendValue(field);
                if (!saying.isEmpty()) {
                    description.appendText(" saying ").appendValue(saying);
                }
            }
        };
    }
}
