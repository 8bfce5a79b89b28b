package com.engagementledger.platform.api;

/**
 * A command refused by a domain rule. {@code kind} decides the HTTP status, {@code rule} is a stable code clients
 * can switch on, {@code field} names the offending input where there is one.
 */
public class RuleViolation extends RuntimeException {

    public enum Kind { MALFORMED, INVALID_INPUT, ILLEGAL_STATE, NOT_FOUND, UNAVAILABLE }

    private final Kind kind;
    private final String rule;
    private final String field;

    public RuleViolation(Kind kind, String rule, String field, String message) {
        super(message);
        this.kind = kind;
        this.rule = rule;
        this.field = field;
    }

    /** Input that is not even well-formed (a header's syntax, say): a 400, where {@link #invalid} is a 422. */
    public static RuleViolation malformed(String field, String rule, String message) {
        return new RuleViolation(Kind.MALFORMED, rule, field, message);
    }

    public static RuleViolation invalid(String field, String rule, String message) {
        return new RuleViolation(Kind.INVALID_INPUT, rule, field, message);
    }

    public static RuleViolation illegalState(String rule, String message) {
        return new RuleViolation(Kind.ILLEGAL_STATE, rule, null, message);
    }

    public static RuleViolation notFound(String field, String message) {
        return new RuleViolation(Kind.NOT_FOUND, "not-found", field, message);
    }

    /**
     * What the rule needs to know cannot be read right now (a read model a moment behind, say): a 503 the client can
     * retry, rather than a decision taken blind.
     */
    public static RuleViolation unavailable(String rule, String message) {
        return new RuleViolation(Kind.UNAVAILABLE, rule, null, message);
    }

    public Kind kind() {
        return kind;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    public RuleViolationDetails details() {
        return new RuleViolationDetails(kind, rule, field, getMessage());
    }
}
