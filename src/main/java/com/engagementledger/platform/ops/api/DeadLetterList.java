package com.engagementledger.platform.ops.api;

import java.util.List;

/**
 * Parked events, up to the limit asked for, and how many there are in all.
 */
public record DeadLetterList(List<DeadLetterView> items, long totalItems) {

    public DeadLetterList {
        items = List.copyOf(items);
    }
}
