package com.engagementledger.timesheet.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id of a seat's timesheet for a week, the same every time it is asked: "one per seat per week" becomes "one
 * aggregate per id", which the event store holds even when two submissions race (ADR 0031). The parts are joined
 * with NUL, which no id contains (PlainText refuses control characters), so two different triples never meet.
 */
public final class TimesheetIds {

    private TimesheetIds() {
    }

    public static String of(String engagementId, String seatId, IsoWeek week) {
        String name = engagementId + '\0' + seatId + '\0' + week;
        return "ts-" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
