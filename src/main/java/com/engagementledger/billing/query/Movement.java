package com.engagementledger.billing.query;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One money movement of an invoice on the day it is dated (not the day it was recorded). */
record Movement(MovementKind kind, LocalDate date, BigDecimal amount) {
}
