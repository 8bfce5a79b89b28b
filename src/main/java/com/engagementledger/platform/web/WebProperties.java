package com.engagementledger.platform.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param gatewayTimeout how long a request waits for a command or query: a stuck handler must cost a thread for a
 *                       while, not for ever
 */
@ConfigurationProperties("ledger.web")
public record WebProperties(@DefaultValue("10s") Duration gatewayTimeout) {
}
