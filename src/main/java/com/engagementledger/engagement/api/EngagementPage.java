package com.engagementledger.engagement.api;

import java.util.List;

/**
 * A page of the engagement list.
 */
public record EngagementPage(List<EngagementSummary> items, int page, int size, long totalItems, int totalPages) {
}
