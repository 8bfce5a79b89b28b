package com.engagementledger.guarantee.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the replacement guarantee of one engagement stands at on {@code asOfDate} (today in the engagement's time
 * zone): per seat its window and free replacements and the replacement open on it, the missed SLAs and their
 * credits.
 *
 * @param creditsOwed the service credits granted and not yet carried by an invoice, in the engagement's currency
 */
public record GuaranteesView(String engagementId, String currency, List<GuaranteeSeat> seats,
                             List<GuaranteeBreach> breaches, BigDecimal creditsOwed, LocalDate asOfDate) {
}
