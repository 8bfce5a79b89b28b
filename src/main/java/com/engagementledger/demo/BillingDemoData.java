package com.engagementledger.demo;

import com.engagementledger.engagement.api.ActivateEngagement;
import com.engagementledger.engagement.api.BillingCycle;
import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.engagement.api.NewSeat;
import com.engagementledger.engagement.api.ProposeEngagement;
import com.engagementledger.engagement.api.SetIpExclusions;
import com.engagementledger.invoicing.api.DraftInvoice;
import com.engagementledger.invoicing.api.InvoiceIssued;
import com.engagementledger.invoicing.api.IssueCreditNote;
import com.engagementledger.invoicing.api.IssueInvoice;
import com.engagementledger.invoicing.api.RecordPayment;
import com.engagementledger.platform.security.Roles;
import com.engagementledger.platform.time.ClockChange;
import com.engagementledger.platform.time.TestClockController;
import com.engagementledger.timesheet.api.ApproveTimesheet;
import com.engagementledger.timesheet.api.DisputeTimesheet;
import com.engagementledger.timesheet.api.IsoWeek;
import com.engagementledger.timesheet.api.ResubmitTimesheet;
import com.engagementledger.timesheet.api.SubmitTimesheet;
import com.engagementledger.timesheet.api.TimesheetIds;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Three months of billing, so that every billing view shows something at once: Stark Industries (EUR, hourly, two
 * seats), Kaiju Robotics (JPY, monthly) and Gulf Logistics (KWD, three decimals, hourly, a Sunday-to-Thursday week).
 * Their weeks are submitted and approved (one of Stark's disputed and resubmitted first), and each month is invoiced
 * on the 8th of the next, once its last week is approved. Of the invoices, the first month's are paid; of the
 * second month's, Stark's is paid after a credit note, Gulf's is paid and Kaiju's is left unpaid, overdue once the
 * demo's clock passes its due date; of the third month's, Kaiju's is partially paid and the others are open. The
 * current month of Stark is a draft; this week's hours are submitted (Stark's left to approve themselves, Gulf's
 * disputed). Gulf's terms assign IP on creation (its transfers are assigned at issue), the others on payment;
 * Stark excludes its background technology from IP transfer ({@link IpTransferDemoData} adds the rest of IP).
 *
 * <p>Invoices are issued in arrears, dated the day they are issued: the seeding moves the demo's test clock forward
 * month by month, as {@link ReplacementDemoData} does for its SLA. It runs before the other demo data
 * ({@link #ORDER}), so that their stories (Acme's missed SLA, Hooli's overlap, the trial at Globex) begin on the
 * date the clock reaches here and are as they were. The demo then runs about three months and a half ahead of the
 * real date. Ids: {@code DemoCommands.id("engagement:stark")}, {@code ...("invoice:stark:2027-01")}.
 */
@Component
@Profile("demo")
@Order(BillingDemoData.ORDER)
public class BillingDemoData implements DemoData {

    /** Stark's background technology excluded from IP transfer: on each of its transfers and certificates. */
    static final List<String> STARK_EXCLUSIONS = List.of("Stark telemetry SDK (pre-existing)",
            "Arc reactor control firmware");

    /** Before the engagements (100): the billing months lie before the day their stories begin. */
    static final int ORDER = 50;
    private static final int MONTHS = 3;
    /** The day of the next month a month is invoiced: its last ISO week has ended by then. */
    private static final int INVOICE_DAY = 8;

    private final TestClockController clock;
    private final EventStore events;

    BillingDemoData(TestClockController clock, EventStore events) {
        this.clock = clock;
        this.events = events;
    }

    /** A seat whose weeks are submitted, with its hours by day of the week (Monday first). */
    private record HourlySeat(String engagementId, String seatId, LocalDate start, List<String> week) {
    }

    @Override
    public void seed(DemoCommands commands) {
        LocalDate start = commands.today();
        YearMonth first = YearMonth.from(start);

        String stark = engage(commands, "stark", "Stark Industries", "Platform Engineer", "EUR",
                BillingModel.HOURLY, IpTrigger.ON_PAYMENT, start,
                seat("stark-1", "pro-lena", "Lena Fischer", "95.00", start),
                seat("stark-2", "pro-marco", "Marco Rossi", "110.00", start));
        // before the first invoice, so that every Stark transfer and certificate carries them
        commands.send(new SetIpExclusions(stark, STARK_EXCLUSIONS, "Pre-existing Stark code, excluded by clause 9"
                + " of the master services agreement", null));
        String kaiju = engage(commands, "kaiju", "Kaiju Robotics KK", "Embedded Engineer", "JPY",
                BillingModel.MONTHLY, IpTrigger.ON_PAYMENT, start,
                seat("kaiju-1", "pro-yuki", "Yuki Tanaka", "1250000", start));
        String gulf = engage(commands, "gulf", "Gulf Logistics", "Integration Engineer", "KWD",
                BillingModel.HOURLY, IpTrigger.ON_CREATION, start,
                seat("gulf-1", "pro-omar", "Omar Haddad", "27.750", start));
        HourlySeat lena = new HourlySeat(stark, DemoCommands.id("seat:stark-1"), start,
                List.of("8", "8", "8", "8", "6.5", "0", "0"));
        HourlySeat marco = new HourlySeat(stark, DemoCommands.id("seat:stark-2"), start,
                List.of("7.5", "8", "8.25", "8", "7", "0", "0"));
        HourlySeat omar = new HourlySeat(gulf, DemoCommands.id("seat:gulf-1"), start,
                List.of("8", "8", "8", "8", "0", "0", "7.5"));
        List<HourlySeat> seats = List.of(lena, marco, omar);
        // the first full week of the third month: the client disputes one of Marco's days
        LocalDate disputedWeek = first.plusMonths(2).atDay(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        Map<HourlySeat, LocalDate> nextWeek = new LinkedHashMap<>();
        seats.forEach(seat -> nextWeek.put(seat, seat.start().with(DayOfWeek.MONDAY)));

        for (int month = 1; month <= MONTHS; month++) {
            YearMonth period = first.plusMonths(month - 1);
            LocalDate invoiceDay = first.plusMonths(month).atDay(INVOICE_DAY);
            moveTo(invoiceDay);
            for (HourlySeat seat : seats) {
                LocalDate monday = nextWeek.get(seat);
                for (; monday.plusDays(6).isBefore(invoiceDay); monday = monday.plusDays(7)) {
                    if (seat == marco && monday.equals(disputedWeek)) {
                        disputedAndResubmitted(commands, seat, monday, invoiceDay);
                    } else {
                        approved(commands, seat, monday, invoiceDay);
                    }
                }
                nextWeek.put(seat, monday);
            }
            for (String client : List.of("stark", "kaiju", "gulf")) {
                String invoiceId = invoiceId(client, period);
                commands.send(new DraftInvoice(DemoCommands.id("engagement:" + client), invoiceId, period),
                        Roles.FINANCE);
                commands.send(new IssueInvoice(invoiceId, null), Roles.FINANCE);
            }
            LocalDate today = invoiceDay;
            if (month == 2) {
                YearMonth previous = period.minusMonths(1);
                for (String client : List.of("stark", "kaiju", "gulf")) {
                    payInFull(commands, invoiceId(client, previous), 20, today);
                }
            } else if (month == 3) {
                YearMonth second = period.minusMonths(1);
                InvoiceIssued starkSecond = issued(invoiceId("stark", second));
                BigDecimal credit = new BigDecimal("190.00").min(starkSecond.total());
                commands.send(new IssueCreditNote(starkSecond.invoiceId(), DemoCommands.id("credit-note:stark:"
                        + second), credit, "EUR", starkSecond.issueDate().plusDays(10), "Two onboarding hours of"
                        + " Lena Fischer's first week are not billed, as agreed with the client", null),
                        Roles.FINANCE);
                pay(commands, starkSecond, starkSecond.total().subtract(credit), 25, today);
                payInFull(commands, invoiceId("gulf", second), 27, today);
                // Kaiju's second invoice stays unpaid: overdue once the clock passes its due date
                InvoiceIssued kaijuThird = issued(invoiceId("kaiju", period));
                pay(commands, kaijuThird, share(kaijuThird, "0.4"), 0, today);
                // the current month of Stark, drafted for a preview
                commands.send(new DraftInvoice(stark, invoiceId("stark", period.plusMonths(1)),
                        period.plusMonths(1)), Roles.FINANCE);
                // this week so far: Lena's approves itself in a week unless disputed; Omar's is disputed
                submit(commands, lena, nextWeek.get(lena), today);
                String omarsWeek = submit(commands, omar, nextWeek.get(omar), today);
                commands.send(new DisputeTimesheet(omarsWeek, "The client's site log shows Omar on site from"
                        + " noon only this week; please check the hours", null), Roles.FINANCE);
            }
        }
    }

    private static String engage(DemoCommands commands, String clientId, String clientName, String role,
                                 String currency, BillingModel model, IpTrigger ipTrigger, LocalDate start,
                                 NewSeat... seats) {
        String id = DemoCommands.id("engagement:" + clientId);
        commands.send(new ProposeEngagement(id, clientId, clientName, role, currency, model, List.of(seats),
                new EngagementTerms("UTC", BillingCycle.MONTHLY, 30, 30, 0, 90, 2, 5, 5, 30, ipTrigger)));
        commands.send(new ActivateEngagement(id, start, null));
        return id;
    }

    private static NewSeat seat(String key, String professionalId, String name, String rate, LocalDate start) {
        return new NewSeat(DemoCommands.id("seat:" + key), professionalId, name, new BigDecimal(rate), start);
    }

    static String invoiceId(String client, YearMonth period) {
        return DemoCommands.id("invoice:" + client + ":" + period);
    }

    private static void approved(DemoCommands commands, HourlySeat seat, LocalDate monday, LocalDate today) {
        commands.send(new ApproveTimesheet(submit(commands, seat, monday, today), null), Roles.FINANCE);
    }

    private static void disputedAndResubmitted(DemoCommands commands, HourlySeat seat, LocalDate monday,
                                               LocalDate today) {
        String timesheetId = submit(commands, seat, monday, today);
        commands.send(new DisputeTimesheet(timesheetId, "Thursday was a public holiday at the client; the office"
                + " was closed", null), Roles.FINANCE);
        Map<LocalDate, BigDecimal> hours = hours(seat, monday, today);
        hours.remove(monday.plusDays(3));
        commands.send(new ResubmitTimesheet(timesheetId, hours, null));
        commands.send(new ApproveTimesheet(timesheetId, null), Roles.FINANCE);
    }

    /** Submits the seat's week of {@code monday} with its hours up to {@code today}; returns the timesheet's id. */
    private static String submit(DemoCommands commands, HourlySeat seat, LocalDate monday, LocalDate today) {
        IsoWeek week = IsoWeek.of(monday);
        commands.send(new SubmitTimesheet(seat.engagementId(), seat.seatId(), week.toString(),
                hours(seat, monday, today)));
        return TimesheetIds.of(seat.engagementId(), seat.seatId(), week);
    }

    /** The seat's hours of the week of {@code monday}: none before its start or after today. */
    private static Map<LocalDate, BigDecimal> hours(HourlySeat seat, LocalDate monday, LocalDate today) {
        Map<LocalDate, BigDecimal> hours = new LinkedHashMap<>();
        for (int day = 0; day < 7; day++) {
            LocalDate date = monday.plusDays(day);
            BigDecimal worked = new BigDecimal(seat.week().get(day));
            if (!date.isBefore(seat.start()) && !date.isAfter(today) && worked.signum() > 0) {
                hours.put(date, worked);
            }
        }
        return hours;
    }

    private void payInFull(DemoCommands commands, String invoiceId, int daysAfterIssue, LocalDate today) {
        InvoiceIssued invoice = issued(invoiceId);
        pay(commands, invoice, invoice.total(), daysAfterIssue, today);
    }

    /** Records a payment received {@code daysAfterIssue} after the invoice's issue (today at the latest). */
    private static void pay(DemoCommands commands, InvoiceIssued invoice, BigDecimal amount, int daysAfterIssue,
                            LocalDate today) {
        if (amount.signum() <= 0) {
            return; // a first month begun on a weekend's last day has no hours to pay
        }
        LocalDate received = invoice.issueDate().plusDays(daysAfterIssue);
        commands.send(new RecordPayment(invoice.invoiceId(), DemoCommands.id("payment:" + invoice.invoiceId()
                + ":" + amount.toPlainString()), amount, invoice.currency(),
                received.isAfter(today) ? today : received, "Bank transfer " + invoice.number(), null),
                Roles.FINANCE);
    }

    /** {@code fraction} of the invoice's total, rounded half up to the currency's minor unit. */
    private static BigDecimal share(InvoiceIssued invoice, String fraction) {
        return invoice.total().multiply(new BigDecimal(fraction)).setScale(
                Currency.getInstance(invoice.currency()).getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }

    /** The issue of {@code invoiceId}, as its events recorded it: its number, dates and total. */
    private InvoiceIssued issued(String invoiceId) {
        return events.readEvents(invoiceId).asStream()
                .map(Message::getPayload)
                .filter(InvoiceIssued.class::isInstance)
                .map(InvoiceIssued.class::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Demo invoice " + invoiceId + " was not issued"));
    }

    /** Moves the test clock to 09:00 UTC of {@code day}, waiting until what fell due has fired and projected. */
    private void moveTo(LocalDate day) {
        try {
            clock.move(new ClockChange(day.atTime(9, 0).toInstant(ZoneOffset.UTC), null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while moving the demo clock", e);
        }
    }
}
