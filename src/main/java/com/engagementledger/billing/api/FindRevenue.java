package com.engagementledger.billing.api;

import java.time.YearMonth;

/** Revenue per month and currency for the months {@code from} to {@code to}, both included. */
public record FindRevenue(YearMonth from, YearMonth to) {
}
