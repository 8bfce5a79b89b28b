package com.engagementledger.invoicing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * A payment received: partial allowed, over-payment refused, currency must match, not before the issue date nor
 * after today. {@code paymentId} makes it recorded once: the same id again with the same content is answered as
 * before, with other content refused.
 */
public record RecordPayment(@TargetAggregateIdentifier String invoiceId, String paymentId, BigDecimal amount,
                            String currency, LocalDate receivedOn, String reference,
                            @TargetAggregateVersion Long expectedVersion) {
}
