package com.engagementledger.timesheet.command;

import com.engagementledger.timesheet.api.ApprovedTimesheets;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The approved hours of a week, read from its timesheet loaded in the unit of work of the engagement's command (or
 * of a read-only load of the engagement): billing prices what the timesheet itself says, not a read model a moment
 * behind.
 */
@Component
public class AxonApprovedTimesheets implements ApprovedTimesheets {

    private final ObjectProvider<Repository<Timesheet>> timesheets;

    public AxonApprovedTimesheets(ObjectProvider<Repository<Timesheet>> timesheets) {
        this.timesheets = timesheets;
    }

    @Override
    public SortedMap<LocalDate, BigDecimal> approvedHours(String timesheetId) {
        try {
            return timesheets.getObject().load(timesheetId).invoke(Timesheet::approvedHours);
        } catch (AggregateNotFoundException unknown) {
            return new TreeMap<>();
        }
    }
}
