package com.engagementledger.iptransfer.query;

import com.engagementledger.iptransfer.api.AssignmentCertificate;
import com.engagementledger.iptransfer.api.IpTransferStatus;
import com.engagementledger.platform.store.ReadModelDocument;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The IP ledger's read model, one document per transfer (one per issued invoice). The standing (amounts, share,
 * status) is what the transfer's last event carried, never added up here. The certificate and its hash are kept as
 * {@code IpTransferAssigned} issued them: every value on it is a string or an integer, which MongoDB gives back as
 * they were, so the hash recomputes from what the read side serves. {@code version} is the sequence number of the
 * transfer's last event.
 */
@Document(IpTransferDocument.COLLECTION)
public class IpTransferDocument extends ReadModelDocument {

    public static final String COLLECTION = "ip-transfers";

    @Id
    String ipTransferId;
    long version = -1;
    String invoiceId;
    String invoiceNumber;
    String engagementId;
    String clientId;
    String clientName;
    /** {@code YYYY-MM}: sorts as it reads. */
    String period;
    String currency;
    LocalDate issueDate;
    BigDecimal total;
    String trigger;
    IpTransferStatus status;
    BigDecimal amountDue;
    BigDecimal amountPaid;
    BigDecimal paidShare;
    BigDecimal remaining;
    List<String> exclusions = new ArrayList<>();
    Instant assignedAt;
    AssignmentCertificate certificate;
    String sha256;
    ContestDocument contest;
    SuspensionDocument suspension;
    String voidReason;
}
