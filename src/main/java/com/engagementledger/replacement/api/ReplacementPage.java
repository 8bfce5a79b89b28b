package com.engagementledger.replacement.api;

import java.util.List;

/**
 * A page of the replacement list.
 */
public record ReplacementPage(List<ReplacementView> items, int page, int size, long totalItems, int totalPages) {
}
