package com.engagementledger.iptransfer.api;

import com.engagementledger.engagement.api.IpTrigger;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The transfer of an issued invoice opened ({@code PENDING}; an {@link IpTransferAssigned} may follow at once). */
@Revision("1")
public record IpTransferOpened(String ipTransferId, String invoiceId, String invoiceNumber, String engagementId,
                               String clientId, String clientName, String period, String currency,
                               LocalDate issueDate, BigDecimal total, IpTrigger trigger, List<String> exclusions,
                               SourceEvent source, IpTransferStanding after) {
}
