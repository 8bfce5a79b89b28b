package com.engagementledger.engagement.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A seat as proposed: who fills it, at what rate, from which day (the first day it is billed).
 */
public record NewSeat(String seatId, String professionalId, String professionalName, BigDecimal rate,
                      LocalDate startDate) {
}
