package com.engagementledger.timesheet.command;

import com.engagementledger.timesheet.api.TimesheetRecords;
import com.engagementledger.timesheet.api.TimesheetSubmission;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The timesheet side of what the engagement asks while it handles {@code SubmitTimesheet}, as
 * {@code AxonReplacementRecords} does for replacements (ADR 0026, 0031): {@link #submit} creates the timesheet
 * through {@link AggregateLifecycle#createNew}, in the unit of work of the engagement's command. Both methods work
 * only inside the handling of an aggregate's command.
 */
@Component
public class AxonTimesheetRecords implements TimesheetRecords {

    /** Looked up when asked: the repository is built by Axon's configuration, which builds the engagement's too. */
    private final ObjectProvider<Repository<Timesheet>> timesheets;

    public AxonTimesheetRecords(ObjectProvider<Repository<Timesheet>> timesheets) {
        this.timesheets = timesheets;
    }

    @Override
    public boolean exists(String timesheetId) {
        try {
            timesheets.getObject().load(timesheetId);
            return true;
        } catch (AggregateNotFoundException unknown) {
            return false;
        }
    }

    @Override
    public void submit(TimesheetSubmission submission) {
        try {
            AggregateLifecycle.createNew(Timesheet.class, () -> new Timesheet(submission));
        } catch (RuntimeException refused) {
            throw refused;
        } catch (Exception e) {
            throw new IllegalStateException("could not open timesheet "
                    + (submission != null ? submission.timesheetId() : null), e);
        }
    }
}
