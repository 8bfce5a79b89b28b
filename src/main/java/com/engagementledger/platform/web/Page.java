package com.engagementledger.platform.web;

import java.util.List;

/**
 * One page of a list (DESIGN.md §5): the items, which page of which size, and how many there are in all.
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
}
