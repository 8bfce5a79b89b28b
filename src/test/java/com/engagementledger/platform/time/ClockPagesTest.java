package com.engagementledger.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/** The clock page outside the demo profile and tests, where there is no test clock: it says so instead of failing. */
class ClockPagesTest {

    private final ClockPages pages = new ClockPages(
            new StaticListableBeanFactory().getBeanProvider(TestClockController.class));

    @Test
    void withoutTheTestClockThePageSaysSo() {
        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(pages.clock(model)).isEqualTo("admin/clock");
        assertThat(model.get("available")).isEqualTo(false);
        assertThat(model).doesNotContainKey("clock");
    }

    @Test
    void withoutTheTestClockAMoveIsNotFoundAndMovesNothing() throws Exception {
        ExtendedModelMap model = new ExtendedModelMap();
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(pages.move("P1D", null, "PT0S", model, new RedirectAttributesModelMap(), response))
                .isEqualTo("admin/clock");
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(model.get("available")).isEqualTo(false);
    }
}
