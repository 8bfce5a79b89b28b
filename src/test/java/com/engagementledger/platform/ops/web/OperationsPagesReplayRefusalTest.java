package com.engagementledger.platform.ops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.ops.api.ProjectionList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/** A replay refused because one is under way tells the console's reader where to look on the page, not the API. */
class OperationsPagesReplayRefusalTest {

    @Test
    void aReplayUnderWayIsWordedForTheConsole() {
        OperationsController operations = mock(OperationsController.class);
        when(operations.projections()).thenReturn(new ProjectionList(List.of()));
        when(operations.replay("engagements")).thenThrow(RuleViolation.illegalState("replay-under-way",
                "A replay of engagements is under way; wait until it has caught up (GET /api/admin/projections)."));
        ExtendedModelMap model = new ExtendedModelMap();
        MockHttpServletResponse response = new MockHttpServletResponse();

        String view = new OperationsPages(operations).replay("engagements", model, new RedirectAttributesModelMap(),
                response);

        assertThat(view).isEqualTo("admin/projections");
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat((String) model.get("refusal")).isEqualTo("The replay of engagements was not started: a replay of"
                + " engagements is under way; wait until it has caught up (its progress is in the list below).")
                .doesNotContain("/api/");
    }
}
