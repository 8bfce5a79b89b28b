package com.engagementledger.audit.api;

import java.util.Map;
import java.util.Optional;

/**
 * The aggregate types of the audit API ({@code engagement|replacement|timesheet|invoice|ip-transfer}, DESIGN.md §5;
 * {@code invoice-numbers}, the invoice numbering of a year, ADR 0032) and the type names the event store records
 * for them (the aggregate class's simple name, Axon's default). A test fails when an aggregate exists that has no
 * entry here.
 */
public final class AuditedAggregates {

    private static final Map<String, String> STORED_BY_API = Map.of(
            "engagement", "Engagement",
            "replacement", "Replacement",
            "timesheet", "Timesheet",
            "invoice", "Invoice",
            "invoice-numbers", "InvoiceNumbers",
            "ip-transfer", "IpTransfer");

    private AuditedAggregates() {
    }

    /** The stored type name of an API aggregate type. */
    public static Optional<String> storedType(String apiType) {
        return Optional.ofNullable(apiType == null ? null : STORED_BY_API.get(apiType));
    }

    /** The API aggregate type of a stored type name; the stored name itself for a type the API does not name. */
    public static String apiType(String storedType) {
        return STORED_BY_API.entrySet().stream().filter(entry -> entry.getValue().equals(storedType))
                .map(Map.Entry::getKey).findFirst().orElse(storedType);
    }

    /** Whether the audit API names the stored type. */
    public static boolean covers(String storedType) {
        return STORED_BY_API.containsValue(storedType);
    }
}
