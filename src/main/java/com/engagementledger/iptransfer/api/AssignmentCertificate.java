package com.engagementledger.iptransfer.api;

import java.util.List;

/**
 * The assignment certificate of a transfer: the deterministic document produced when it is assigned, stored in
 * {@link IpTransferAssigned} and never changed. Its {@code sha256} is the SHA-256 of its canonical JSON (RFC 8785,
 * the fields below as named). Every value is a string or an integer, so that the canonical form needs no
 * floating-point number formatting and anyone can recompute the hash with a JSON library that sorts keys (ADR 0035):
 * amounts are decimal strings with the currency's minor digits ({@code "11177.40"}), dates ISO-8601.
 *
 * @param schema       {@code engagement-ledger/ip-assignment-certificate/1}
 * @param assignedAt   the assignment instant (ISO-8601 UTC): the latest timestamp of the events it rests on
 * @param trigger      {@code ON_PAYMENT} or {@code ON_CREATION}
 * @param amountDue    the total less credit notes at assignment
 * @param amountPaid   payments less refunds and chargebacks at assignment
 * @param exclusions   the background technology excluded, in the order given
 * @param events       the events it rests on, in invoice sequence order
 */
public record AssignmentCertificate(String schema, String ipTransferId, String clientId, String clientName,
                                    String engagementId, String period, String invoiceId, String invoiceNumber,
                                    String issueDate, String currency, String invoiceTotal, String amountDue,
                                    String amountPaid, String trigger, String assignedAt, List<String> exclusions,
                                    List<CertificateEvent> events) {

    public static final String SCHEMA = "engagement-ledger/ip-assignment-certificate/1";
}
