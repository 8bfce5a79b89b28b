package com.engagementledger.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.engagementledger.billing.api.AgingRow;
import com.engagementledger.billing.api.AgingView;
import com.engagementledger.billing.api.RevenueRow;
import com.engagementledger.billing.api.RevenueView;
import com.engagementledger.billing.api.UnbilledView;
import com.engagementledger.engagement.api.EngagementPage;
import com.engagementledger.platform.web.Gateways;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;

/**
 * The billing report page's figures (issue 10): one block per currency, never a sum or a chart axis across
 * currencies; each chart's data the same figures as its table.
 */
class BillingPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void figuresAreGroupedByCurrencyAndTotalledWithinOneCurrencyOnly() throws Exception {
        BillingReports reports = mock(BillingReports.class);
        Gateways gateways = mock(Gateways.class);
        when(gateways.<EngagementPage>query(any(), any())).thenReturn(new EngagementPage(List.of(), 0, 200, 0, 0));
        when(reports.aging(null)).thenReturn(new AgingView(LocalDate.of(2027, 3, 17), List.of(
                row("acme", "Acme", "EUR", "100.00", "20.50"),
                row("kaiju", "Kaiju", "JPY", "1250000", "0"),
                row("stark", "Stark", "EUR", "0.00", "9.50"))));
        when(reports.revenue(null, null)).thenReturn(new RevenueView("2027-02", "2027-03", List.of(
                new RevenueRow("2027-02", "EUR", new BigDecimal("120.50"), new BigDecimal("0.00"),
                        new BigDecimal("0.00")),
                new RevenueRow("2027-02", "KWD", new BigDecimal("4384.500"), new BigDecimal("1.000"),
                        new BigDecimal("0.000")),
                new RevenueRow("2027-03", "EUR", new BigDecimal("9.50"), new BigDecimal("5.00"),
                        new BigDecimal("0.00")),
                new RevenueRow("2027-03", "KWD", new BigDecimal("0.000"), new BigDecimal("0.000"),
                        new BigDecimal("0.000")))));
        when(reports.unbilled(null, 0, BillingPages.UNBILLED_ENGAGEMENTS))
                .thenReturn(new UnbilledView(LocalDate.of(2027, 3, 17), List.of(), 0, 50, 0, 0));
        ExtendedModelMap model = new ExtendedModelMap();

        String view = new BillingPages(reports, gateways, JSON).billing(null, null, null, model,
                new MockHttpServletResponse());

        assertThat(view).isEqualTo("billing/index");
        @SuppressWarnings("unchecked")
        List<BillingPages.CurrencyFigures> figures = (List<BillingPages.CurrencyFigures>) model.get("figures");
        assertThat(figures).extracting(BillingPages.CurrencyFigures::currency).containsExactly("EUR", "JPY", "KWD");

        BillingPages.CurrencyFigures eur = figures.get(0);
        assertThat(eur.aging()).extracting(AgingRow::clientName).containsExactly("Acme", "Stark");
        assertThat(eur.agingTotal().current()).isEqualByComparingTo("100.00");
        assertThat(eur.agingTotal().days1to30()).isEqualByComparingTo("30.00");
        assertThat(eur.agingTotal().total()).isEqualByComparingTo("130.00");
        JsonNode agingChart = JSON.readTree(eur.agingChart());
        assertThat(agingChart.get("currency").asText()).isEqualTo("EUR");
        assertThat(agingChart.get("stacked").asBoolean()).isTrue();
        assertThat(agingChart.get("categories")).hasSize(5);
        assertThat(agingChart.get("series")).extracting(series -> series.get("name").asText())
                .containsExactly("Acme", "Stark");
        assertThat(agingChart.get("series").get(0).get("data").get(1).decimalValue()).isEqualByComparingTo("20.50");
        JsonNode revenueChart = JSON.readTree(eur.revenueChart());
        assertThat(revenueChart.get("categories")).extracting(JsonNode::asText).containsExactly("2027-02", "2027-03");
        assertThat(revenueChart.get("series").get(0).get("data")).extracting(JsonNode::decimalValue)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("120.50"), new BigDecimal("9.50"));

        BillingPages.CurrencyFigures jpy = figures.get(1);
        assertThat(jpy.aging()).hasSize(1);
        assertThat(jpy.agingTotal().total()).isEqualByComparingTo("1250000");
        assertThat(jpy.revenue()).as("no JPY revenue in these months").isEmpty();
        assertThat(jpy.revenueChart()).isNull();

        BillingPages.CurrencyFigures kwd = figures.get(2);
        assertThat(kwd.aging()).as("nothing owed in KWD").isEmpty();
        assertThat(kwd.agingChart()).isNull();
        assertThat(kwd.revenue()).hasSize(2);
    }

    private static AgingRow row(String clientId, String name, String currency, String current, String days1to30) {
        BigDecimal zero = new BigDecimal(current).multiply(BigDecimal.ZERO);
        BigDecimal first = new BigDecimal(current);
        BigDecimal second = new BigDecimal(days1to30);
        return new AgingRow(clientId, name, currency, first, second, zero, zero, zero, first.add(second));
    }
}
