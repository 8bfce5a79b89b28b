package com.engagementledger.iptransfer.api;

/**
 * Where the client's ownership of one issued invoice's deliverables stands (DESIGN.md §3, ADR 0035).
 * <ul>
 * <li>{@code PENDING}: issued, nothing paid that counts yet;</li>
 * <li>{@code PARTIALLY_ASSIGNED}: part paid, the paid share recorded;</li>
 * <li>{@code ASSIGNED}: settled (paid plus credited equals the total) or assigned at issue ({@code ON_CREATION});
 *     the certificate exists from then on and never changes;</li>
 * <li>{@code SUSPENDED}: a dispute on the invoice is open; back to what the money says when it is resolved;</li>
 * <li>{@code CONTESTED}: a refund or chargeback left an assigned transfer no longer paid for; resolved only by a later
 *     payment or credit that settles it again, or by an explicit release with a reason;</li>
 * <li>{@code VOIDED}: the invoice was voided; nothing changes it afterwards.</li>
 * </ul>
 */
public enum IpTransferStatus {
    PENDING, PARTIALLY_ASSIGNED, ASSIGNED, SUSPENDED, CONTESTED, VOIDED
}
