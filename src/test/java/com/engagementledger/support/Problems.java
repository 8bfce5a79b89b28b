package com.engagementledger.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on the application/problem+json answers that refuse a request. */
public final class Problems {

    private Problems() {
    }

    /**
     * A problem with {@code status}, naming {@code rule} and, first in its errors, {@code field}; a null
     * {@code field} or {@code rule} is not checked.
     */
    public static void assertProblem(Api.Response response, int status, String field, String rule) {
        check(response, status, field, rule, false);
    }

    /** As {@link #assertProblem}, and the problem names some rule even where {@code rule} is null. */
    public static void assertProblemNamingRule(Api.Response response, int status, String field, String rule) {
        check(response, status, field, rule, true);
    }

    private static void check(Api.Response response, int status, String field, String rule, boolean ruleNamed) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        if (ruleNamed) {
            assertThat(problem.path("rule").asText()).as(response.toString()).isNotBlank();
        }
        if (rule != null) {
            assertThat(problem.path("rule").asText()).as(response.toString()).isEqualTo(rule);
        }
        if (field != null) {
            assertThat(problem.path("errors").get(0).path("field").asText()).as(response.toString())
                    .isEqualTo(field);
        }
    }
}
