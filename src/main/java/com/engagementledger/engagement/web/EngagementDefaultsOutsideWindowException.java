package com.engagementledger.engagement.web;

/** A configured default term that no proposal relying on it could ever meet. */
public class EngagementDefaultsOutsideWindowException extends RuntimeException {

    EngagementDefaultsOutsideWindowException(String message) {
        super(message);
    }
}
