package com.engagementledger.replacement.api;

/**
 * One replacement's detail, as the read model has it, as of today.
 */
public record FindReplacement(String replacementId) {
}
