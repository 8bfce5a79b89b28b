package com.engagementledger.platform.web;

/**
 * A command or query did not answer within {@code ledger.web.gateway-timeout}. A command may still take effect.
 */
public class GatewayTimeoutException extends RuntimeException {

    public GatewayTimeoutException(String what) {
        super(what + " did not answer in time");
    }
}
