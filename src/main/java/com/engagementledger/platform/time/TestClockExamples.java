package com.engagementledger.platform.time;

import com.engagementledger.platform.web.ApiExamples;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Example bodies of a clock move and of the clock, for the OpenAPI document.
 */
@Component
@ConditionalOnProperty(name = "ledger.test-clock", havingValue = "true")
class TestClockExamples implements ApiExamples {

    @Override
    public Map<Class<?>, String> examples() {
        return Map.of(ClockChange.class, """
                {"advanceBy": "P1D"}""", ClockView.class, """
                {"instant": "2035-03-05T09:00:00Z", "pendingDueActions": 0}""");
    }
}
