package com.engagementledger.billing.api;

import java.time.LocalDate;

/** Accounts receivable aging as of the end of {@code asOf}: what issued invoices still owed that day. */
public record FindAging(LocalDate asOf) {
}
