package com.engagementledger.platform.api;

/**
 * The serializable form of a {@link RuleViolation}, carried as the details of a command execution exception so that
 * the refusal survives a distributed command bus (Axon Server) intact.
 */
public record RuleViolationDetails(RuleViolation.Kind kind, String rule, String field, String message) {
}
