package com.engagementledger.platform.web;

/** An {@code If-Match} that no current version of the resource can satisfy: a 412 before any command runs. */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String message) {
        super(message);
    }
}
