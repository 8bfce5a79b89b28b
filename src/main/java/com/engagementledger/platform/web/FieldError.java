package com.engagementledger.platform.web;

/**
 * One entry of a problem document's {@code errors}: which field broke which rule, and how.
 */
public record FieldError(String field, String rule, String message) {
}
