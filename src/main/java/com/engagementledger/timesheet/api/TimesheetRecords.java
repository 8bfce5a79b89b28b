package com.engagementledger.timesheet.api;

/**
 * What the engagement asks of the timesheet feature while it handles {@link SubmitTimesheet}: whether a seat's
 * week already has a timesheet, and to open one in the engagement's unit of work.
 */
public interface TimesheetRecords {

    boolean exists(String timesheetId);

    void submit(TimesheetSubmission submission);
}
