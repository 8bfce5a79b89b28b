package com.engagementledger.iptransfer.api;

import com.engagementledger.engagement.api.IpTrigger;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens the transfer of an issued invoice ({@code InvoiceIssued}): {@code PENDING}, or {@code ASSIGNED} at once when
 * the engagement's terms say {@code ON_CREATION} (or the total is already settled, a total of 0). The same command
 * again (redelivery, replay) changes nothing. {@code exclusions}: the engagement's background technology at issue.
 */
public record OpenIpTransfer(@TargetAggregateIdentifier String ipTransferId, String invoiceId, String invoiceNumber,
                             String engagementId, String clientId, String clientName, String period,
                             String currency, LocalDate issueDate, BigDecimal total, IpTrigger trigger,
                             List<String> exclusions, SourceEvent source) {
}
