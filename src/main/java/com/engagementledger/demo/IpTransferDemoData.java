package com.engagementledger.demo;

import com.engagementledger.invoicing.api.DisputeInvoice;
import com.engagementledger.invoicing.api.InvoiceIssued;
import com.engagementledger.invoicing.api.PaymentRecorded;
import com.engagementledger.invoicing.api.RecordChargeback;
import com.engagementledger.invoicing.api.VoidInvoice;
import com.engagementledger.platform.security.Roles;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The IP ledger in every status, from the billing demo's invoices and the commands finance sends through the API:
 * the transfers of the paid invoices are {@code ASSIGNED}, Kaiju's unpaid second month {@code PENDING} and its 40 %
 * paid third month {@code PARTIALLY_ASSIGNED}; Gulf's (terms {@code ON_CREATION}) were assigned at issue. Here a
 * chargeback after full payment makes Stark's second month {@code CONTESTED} (its certificate stays, the contest
 * beside it), the client's open dispute of Stark's third month makes it {@code SUSPENDED}, and Gulf's third month
 * is voided ({@code VOIDED}, its certificate marked void beside it). The transfers themselves follow from the
 * invoices' events through the IP transfer policy, as they would for a user.
 */
@Component
@Profile("demo")
@Order(IpTransferDemoData.ORDER)
public class IpTransferDemoData implements DemoData {

    /** After billing (50), whose invoices it works on; before the engagements' stories (100), which move no money. */
    static final int ORDER = 60;

    private final EventStore events;

    IpTransferDemoData(EventStore events) {
        this.events = events;
    }

    @Override
    public void seed(DemoCommands commands) {
        LocalDate today = commands.today();
        YearMonth first = YearMonth.from(firstDay());
        InvoiceIssued starkSecond = issued(BillingDemoData.invoiceId("stark", first.plusMonths(1)));
        BigDecimal paid = netPaid(starkSecond.invoiceId());
        BigDecimal chargeback = starkSecond.total().multiply(new BigDecimal("0.25"))
                .setScale(Currency.getInstance(starkSecond.currency()).getDefaultFractionDigits(),
                        RoundingMode.HALF_UP).min(paid);
        commands.send(new RecordChargeback(starkSecond.invoiceId(), DemoCommands.id("chargeback:"
                + starkSecond.invoiceId()), chargeback, starkSecond.currency(), today, "Card issuer chargeback"
                + " 4837: the client's bank disputes part of the payment", null), Roles.FINANCE);

        commands.send(new DisputeInvoice(BillingDemoData.invoiceId("stark", first.plusMonths(2)), "The client"
                + " disputes the hours of the week of the public holiday", null), Roles.FINANCE);

        commands.send(new VoidInvoice(BillingDemoData.invoiceId("gulf", first.plusMonths(2)), "Issued to the"
                + " wrong Gulf Logistics entity; to be invoiced again to the Kuwait branch", null), Roles.FINANCE);
    }

    /** The day the billing demo began: the first event of Stark's engagement. */
    private LocalDate firstDay() {
        return LocalDate.ofInstant(events.readEvents(DemoCommands.id("engagement:stark")).asStream().findFirst()
                .orElseThrow(() -> new IllegalStateException("The billing demo data has not run")).getTimestamp(),
                ZoneOffset.UTC);
    }

    private InvoiceIssued issued(String invoiceId) {
        return all(invoiceId, InvoiceIssued.class).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("Demo invoice " + invoiceId + " was not issued"));
    }

    /** What the invoice's payments left paid, as its last payment recorded it. */
    private BigDecimal netPaid(String invoiceId) {
        List<PaymentRecorded> payments = all(invoiceId, PaymentRecorded.class);
        if (payments.isEmpty()) {
            throw new IllegalStateException("Demo invoice " + invoiceId + " was not paid");
        }
        return payments.get(payments.size() - 1).after().paid();
    }

    private <T> List<T> all(String aggregateId, Class<T> type) {
        return events.readEvents(aggregateId).asStream().map(Message::getPayload).filter(type::isInstance)
                .map(type::cast).toList();
    }
}
