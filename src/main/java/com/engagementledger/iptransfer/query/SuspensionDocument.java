package com.engagementledger.iptransfer.query;

import java.time.Instant;

/** The open dispute that suspends a transfer: its reason and when the invoice was disputed. */
record SuspensionDocument(String reason, Instant since) {
}
