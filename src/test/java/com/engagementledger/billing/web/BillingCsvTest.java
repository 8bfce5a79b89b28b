package com.engagementledger.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.billing.api.AgingRow;
import com.engagementledger.billing.api.RevenueRow;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The CSV of a billing view: text a spreadsheet would run as a formula is neutralized with a leading apostrophe,
 * numbers stay numbers; and CSV only when the Accept header prefers it to JSON by quality.
 */
class BillingCsvTest {

    @Test
    void textThatWouldRunAsAFormulaGetsALeadingApostropheAndNumbersStayNumbers() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        BillingCsv.write(response, "aging.csv", AgingRow.class, List.of(
                aging("c1", "=HYPERLINK(\"http://evil\",\"x\")"), aging("c2", "+1"), aging("c3", "-2"),
                aging("c4", "@SUM(A1)"), aging("c5", "\tTab"), aging("c6", "\rReturn"), aging("c7", "Acme = good")));
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> read = BillingCsv.mapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(response.getContentAsString())) {
            read.forEachRemaining(rows::add);
        }
        assertThat(rows).extracting(row -> row.get("clientName")).containsExactly(
                "'=HYPERLINK(\"http://evil\",\"x\")", "'+1", "'-2", "'@SUM(A1)", "'\tTab", "'\rReturn", "Acme = good");
        assertThat(rows).extracting(row -> row.get("total")).containsOnly("-1.00");
        assertThat(response.getContentAsString()).contains("c1,\"'=HYPERLINK(");

        MockHttpServletResponse revenue = new MockHttpServletResponse();
        BillingCsv.write(revenue, "revenue.csv", RevenueRow.class, List.of(new RevenueRow("2026-06", "EUR",
                new BigDecimal("0.00"), new BigDecimal("-350.00"), new BigDecimal("0.00"))));
        assertThat(revenue.getContentAsString().split("\n")[1]).isEqualTo("2026-06,EUR,0.00,-350.00,0.00");
    }

    @Test
    void csvOnlyWhenTheAcceptHeaderPrefersItByQuality() {
        assertThat(BillingCsv.wanted("application/json;q=1.0, text/csv;q=0.5")).isFalse();
        assertThat(BillingCsv.wanted("text/csv;q=0.1, application/json")).isFalse();
        assertThat(BillingCsv.wanted("text/csv, application/json")).as("equal quality: JSON").isFalse();
        assertThat(BillingCsv.wanted("application/json;q=0.5, text/csv")).isTrue();
        assertThat(BillingCsv.wanted("text/csv")).isTrue();
        assertThat(BillingCsv.wanted("text/*, application/json;q=0.2")).isTrue();
        assertThat(BillingCsv.wanted("*/*")).isFalse();
        assertThat(BillingCsv.wanted(null)).isFalse();
    }

    private static AgingRow aging(String clientId, String clientName) {
        BigDecimal amount = new BigDecimal("-1.00");
        return new AgingRow(clientId, clientName, "EUR", amount, amount, amount, amount, amount, amount);
    }
}
