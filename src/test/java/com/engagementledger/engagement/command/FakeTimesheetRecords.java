package com.engagementledger.engagement.command;

import com.engagementledger.timesheet.api.TimesheetRecords;
import com.engagementledger.timesheet.api.TimesheetSubmission;
import java.util.ArrayList;
import java.util.List;

/**
 * The timesheet feature as the engagement sees it in aggregate tests: it remembers every timesheet submitted, and
 * a timesheet exists once submitted.
 */
final class FakeTimesheetRecords implements TimesheetRecords {

    final List<TimesheetSubmission> submitted = new ArrayList<>();

    @Override
    public boolean exists(String timesheetId) {
        return submitted.stream().anyMatch(submission -> submission.timesheetId().equals(timesheetId));
    }

    @Override
    public void submit(TimesheetSubmission submission) {
        submitted.add(submission);
    }
}
