package com.engagementledger.iptransfer.api;

/**
 * A transfer's certificate exactly as issued, its hash, and beside it where the transfer stands now (a contest, a
 * void) without touching the certificate.
 */
public record IpCertificateView(AssignmentCertificate certificate, String sha256, IpTransferStatus status,
                                IpTransferView.Contest contest, String voidReason) {
}
