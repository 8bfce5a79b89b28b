package com.engagementledger.engagement.command;

import com.engagementledger.replacement.api.ReplacementOpening;
import com.engagementledger.replacement.api.ReplacementRecords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The replacement feature as the engagement sees it in aggregate tests: it remembers every replacement opened and
 * answers the standing a test set, {@code OPEN} for one it opened and {@code UNKNOWN} for any other.
 */
final class FakeReplacementRecords implements ReplacementRecords {

    final List<ReplacementOpening> opened = new ArrayList<>();
    private final Map<String, Standing> standings = new HashMap<>();

    FakeReplacementRecords standing(String replacementId, Standing standing) {
        standings.put(replacementId, standing);
        return this;
    }

    @Override
    public void open(ReplacementOpening opening) {
        opened.add(opening);
        standings.putIfAbsent(opening.replacementId(), Standing.OPEN);
    }

    @Override
    public Standing standing(String replacementId) {
        return standings.getOrDefault(replacementId, Standing.UNKNOWN);
    }
}
