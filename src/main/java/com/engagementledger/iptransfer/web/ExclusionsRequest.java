package com.engagementledger.iptransfer.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The background technology excluded from IP transfer, replaced as a whole (an empty list clears it): plain-text
 * items of at most 200 characters, each named once, at most 50; and why (required, it goes into the audit trail).
 */
public record ExclusionsRequest(@NotNull @Size(max = ExclusionsRequest.MAX_ITEMS) List<String> exclusions,
                                @NotBlank @Size(min = 1, max = 2000) String reason) {

    static final int MAX_ITEMS = 50;
    static final int MAX_ITEM_LENGTH = 200;
}
