package com.engagementledger.timesheet.web;

import com.engagementledger.platform.web.ApiExamples;
import com.engagementledger.timesheet.api.TimesheetView;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Example bodies of the timesheet requests and views, shown in the OpenAPI document and Swagger UI.
 */
@Component
class TimesheetExamples implements ApiExamples {

    @Override
    public Map<Class<?>, String> examples() {
        return Map.ofEntries(
                Map.entry(SubmitTimesheetRequest.class, """
                        {"engagementId": "3f6d2a4e-9c1b-4e8a-b7d5-2c9e8f1a6b40",
                         "seatId": "8b1e4c2d-5f6a-4b7c-9d8e-1f2a3b4c5d6e", "week": "2035-W12",
                         "hours": {"2035-03-19": 8, "2035-03-20": 7.5, "2035-03-21": 8, "2035-03-22": 8.25,
                                   "2035-03-23": 6}}"""),
                Map.entry(TimesheetCreated.class, """
                        {"timesheetId": "ts-6f1c2b3a-4d5e-3f60-8a7b-9c0d1e2f3a4b", "version": 0}"""),
                Map.entry(DisputeTimesheetRequest.class, """
                        {"reason": "Friday was a public holiday at the client's office"}"""),
                Map.entry(ResubmitTimesheetRequest.class, """
                        {"hours": {"2035-03-19": 8, "2035-03-20": 7.5, "2035-03-21": 8, "2035-03-22": 8.25}}"""),
                Map.entry(CorrectTimesheetRequest.class, """
                        {"hours": {"2035-03-19": 8, "2035-03-20": 7.5, "2035-03-21": 8, "2035-03-22": 6.25},
                         "reason": "Two hours of Thursday were booked on the wrong engagement"}"""),
                Map.entry(TimesheetView.class, """
                        {"timesheetId": "ts-6f1c2b3a-4d5e-3f60-8a7b-9c0d1e2f3a4b",
                         "engagementId": "3f6d2a4e-9c1b-4e8a-b7d5-2c9e8f1a6b40",
                         "seatId": "8b1e4c2d-5f6a-4b7c-9d8e-1f2a3b4c5d6e", "week": "2035-W12",
                         "status": "APPROVED",
                         "hours": {"2035-03-19": 8.00, "2035-03-20": 7.50, "2035-03-21": 8.00, "2035-03-22": 6.25,
                                   "2035-03-23": 0.00, "2035-03-24": 0.00, "2035-03-25": 0.00},
                         "totalHours": 29.75, "submittedAt": "2035-03-29T09:12:44Z", "submission": 2,
                         "decidedAt": "2035-03-30T14:03:10Z", "approvedOn": "2035-03-30",
                         "approvedAutomatically": false,
                         "corrections": [{"correctedOn": "2035-04-02",
                                          "reason": "Two hours of Thursday were booked on the wrong engagement",
                                          "previousHours": {"2035-03-19": 8.00, "2035-03-20": 7.50,
                                                            "2035-03-21": 8.00, "2035-03-22": 8.25,
                                                            "2035-03-23": 0.00, "2035-03-24": 0.00,
                                                            "2035-03-25": 0.00},
                                          "previousTotalHours": 31.75}],
                         "version": 5}"""));
    }
}
