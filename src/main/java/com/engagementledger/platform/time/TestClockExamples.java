package com.engagementledger.platform.time;

import com.engagementledger.platform.web.RequestExamples;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The example body of a clock move, for the OpenAPI document.
 */
@Component
@ConditionalOnProperty(name = "ledger.test-clock", havingValue = "true")
class TestClockExamples implements RequestExamples {

    @Override
    public Map<Class<?>, String> examples() {
        return Map.of(ClockChange.class, """
                {"advanceBy": "P1D"}""");
    }
}
