package com.engagementledger.engagement.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The engagement's background technology excluded from IP transfer, replaced as a whole. */
@Revision("1")
public record IpExclusionsSet(String engagementId, List<String> exclusions, String reason) {
}
