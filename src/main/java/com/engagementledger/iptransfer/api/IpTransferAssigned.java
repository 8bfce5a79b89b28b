package com.engagementledger.iptransfer.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The client owns the deliverables: the certificate and its hash, fixed from now on. */
@Revision("1")
public record IpTransferAssigned(String ipTransferId, Instant assignedAt, AssignmentCertificate certificate,
                                 String sha256, IpTransferStanding after) {
}
