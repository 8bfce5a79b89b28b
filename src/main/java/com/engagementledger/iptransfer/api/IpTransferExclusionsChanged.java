package com.engagementledger.iptransfer.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** Finance replaced the background technology excluded from this transfer (before its assignment). */
@Revision("1")
public record IpTransferExclusionsChanged(String ipTransferId, List<String> exclusions, String reason) {
}
