package com.engagementledger.timesheet.web;

import com.engagementledger.platform.console.ConsoleAction;
import com.engagementledger.timesheet.api.TimesheetStatus;
import com.engagementledger.timesheet.api.TimesheetView;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The decisions on a timesheet's page, each sending the same command as the API's {@link TimesheetController}:
 * approve or dispute a submitted week (account manager or finance), resubmit a disputed one (account manager),
 * correct an approved one (account manager or finance). Offered by the week's status; the aggregate judges.
 */
public enum TimesheetAction implements ConsoleAction {
    APPROVE("approve", "Approve the week"),
    DISPUTE("dispute", "Dispute the week", "reason"),
    RESUBMIT("resubmit", "Resubmit the week", Days.HOURS),
    CORRECT("correct", "Correct the approved week", Days.HOURS, "reason");

    private final Form form;

    TimesheetAction(String path, String title, String... fields) {
        this.form = new Form(path, title, Arrays.stream(fields)
                .flatMap(f -> f.equals(Days.HOURS) ? dayFields().stream() : Stream.of(f)).toList());
    }

    @Override
    public Form form() {
        return form;
    }

    /** Whether an account manager only may take it (the API's controller declares the same). */
    public boolean managerOnly() {
        return this == RESUBMIT;
    }

    public boolean hasHours() {
        return fields().contains("hours[0]");
    }

    public static List<TimesheetAction> offered(TimesheetView timesheet) {
        return Arrays.stream(values()).filter(action -> switch (action) {
            case APPROVE, DISPUTE -> timesheet.status() == TimesheetStatus.SUBMITTED;
            case RESUBMIT -> timesheet.status() == TimesheetStatus.DISPUTED;
            case CORRECT -> timesheet.status() == TimesheetStatus.APPROVED;
        }).toList();
    }

    /** The form's fields of the week's days, Monday to Sunday. */
    static List<String> dayFields() {
        return IntStream.range(0, 7).mapToObj(i -> "hours[" + i + "]").toList();
    }

    /** The marker for "the week's seven days" among an action's fields. */
    private static final class Days {
        static final String HOURS = "hours";
    }
}
