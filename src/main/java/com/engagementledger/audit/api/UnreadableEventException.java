package com.engagementledger.audit.api;

/**
 * A stored event that has no canonical form: its payload or metadata is not a UTF-8 JSON object (or array) that RFC
 * 8785 accepts. Audit reports it at its position; it is evidence too (a corrupted or hand-edited row).
 */
public class UnreadableEventException extends RuntimeException {

    private final long position;

    public UnreadableEventException(long position, String message, Throwable cause) {
        super(message, cause);
        this.position = position;
    }

    public long position() {
        return position;
    }
}
