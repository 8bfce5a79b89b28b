package com.engagementledger.timesheet.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A timesheet form of the console (ADR 0041), as typed: the seat and ISO week of a submission, the week's hours
 * Monday to Sunday ({@code hours[0]} to {@code hours[6]}, text, so that what cannot be read is answered next to its
 * day), and the reason of a dispute or a correction.
 */
public class TimesheetForm {

    private String engagementId;
    private String seatId;
    private String week;
    private String reason;
    /** Null for a day the request did not send (told apart from one sent empty). */
    private List<String> hours = new ArrayList<>(Collections.nCopies(7, null));

    public String getEngagementId() {
        return engagementId;
    }

    public void setEngagementId(String engagementId) {
        this.engagementId = engagementId;
    }

    public String getSeatId() {
        return seatId;
    }

    public void setSeatId(String seatId) {
        this.seatId = seatId;
    }

    public String getWeek() {
        return week;
    }

    public void setWeek(String week) {
        this.week = week;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public List<String> getHours() {
        return hours;
    }

    public void setHours(List<String> hours) {
        this.hours = hours;
    }
}
