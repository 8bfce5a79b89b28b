package com.engagementledger.platform.time;

import java.time.Instant;
import java.util.List;

/**
 * The application's instant; how many scheduled actions due by it have not fired, and which event processors have
 * not handled every stored event (both normally empty after a move; a processor stuck on a failing event stays
 * listed).
 */
public record ClockView(Instant instant, int pendingDueActions, List<String> processorsBehind) {
}
