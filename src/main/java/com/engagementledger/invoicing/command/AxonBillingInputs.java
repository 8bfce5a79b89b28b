package com.engagementledger.invoicing.command;

import com.engagementledger.invoicing.api.ApprovedHours;
import com.engagementledger.invoicing.api.BillingInputs;
import com.engagementledger.invoicing.api.CreditDue;
import com.engagementledger.platform.api.Money;
import com.engagementledger.replacement.api.GrantedCredits;
import com.engagementledger.timesheet.api.ApprovedTimesheets;
import com.engagementledger.timesheet.api.IsoWeek;
import com.engagementledger.timesheet.api.TimesheetIds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The hours and credits of an engagement's invoice, read from the aggregates that decide them: the timesheet of
 * every seat and ISO week overlapping the days asked (their ids derive from seat and week, {@link TimesheetIds}),
 * and the replacements the engagement opened. Works inside the unit of work of the engagement's command.
 */
@Component
public class AxonBillingInputs implements BillingInputs {

    private final ApprovedTimesheets timesheets;
    private final GrantedCredits credits;

    public AxonBillingInputs(ApprovedTimesheets timesheets, GrantedCredits credits) {
        this.timesheets = timesheets;
        this.credits = credits;
    }

    @Override
    public List<ApprovedHours> approvedHours(String engagementId, Collection<String> seatIds, LocalDate from,
                                             LocalDate to) {
        List<ApprovedHours> hours = new ArrayList<>();
        for (String seatId : seatIds) {
            for (IsoWeek week = IsoWeek.of(from); !week.monday().isAfter(to);
                 week = IsoWeek.of(week.monday().plusDays(7))) {
                for (Map.Entry<LocalDate, BigDecimal> day : timesheets
                        .approvedHours(TimesheetIds.of(engagementId, seatId, week)).entrySet()) {
                    if (!day.getKey().isBefore(from) && !day.getKey().isAfter(to)) {
                        hours.add(new ApprovedHours(seatId, day.getKey(), day.getValue()));
                    }
                }
            }
        }
        return hours;
    }

    @Override
    public List<CreditDue> creditsGranted(Collection<String> replacementIds) {
        List<CreditDue> due = new ArrayList<>();
        for (String replacementId : replacementIds) {
            credits.creditOf(replacementId).ifPresent(credit -> due.add(new CreditDue(credit.replacementId(),
                    credit.seatId(), credit.grantedOn(), credit.businessDaysLate(),
                    new Money(Currency.getInstance(credit.currency()), credit.amount()))));
        }
        return due;
    }
}
