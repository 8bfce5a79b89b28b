package com.engagementledger.engagement.web;

import com.engagementledger.engagement.command.ForwardDatingWindow;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with a default notice period or rate-change notice longer than the forward-dating window: the
 * domain refuses such terms (ADR 0023), so every proposal without explicit terms would fail with a 422 on a field
 * the client never sent. Operators hear about it once, at start-up, instead.
 */
@Component
class EngagementDefaultsWindowCheck {

    EngagementDefaultsWindowCheck(EngagementDefaults defaults, ForwardDatingWindow horizon) {
        List<String> beyond = new ArrayList<>();
        if (defaults.noticePeriodDays() > horizon.forwardDatingDays()) {
            beyond.add("ledger.engagement-defaults.notice-period-days (" + defaults.noticePeriodDays() + ")");
        }
        if (defaults.rateChangeNoticeDays() > horizon.forwardDatingDays()) {
            beyond.add("ledger.engagement-defaults.rate-change-notice-days (" + defaults.rateChangeNoticeDays()
                    + ")");
        }
        if (!beyond.isEmpty()) {
            throw new EngagementDefaultsOutsideWindowException(String.join(" and ", beyond)
                    + " exceed" + (beyond.size() == 1 ? "s" : "")
                    + " ledger.engagement-defaults.forward-dating-days (" + horizon.forwardDatingDays()
                    + "): no notice or rate change could be dated that far, so every proposal without these terms"
                    + " would be refused");
        }
    }
}
