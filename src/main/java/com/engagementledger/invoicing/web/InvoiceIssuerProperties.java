package com.engagementledger.invoicing.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who issues the invoices, as the PDF shows it ({@code ledger.invoicing.issuer.*}).
 *
 * @param address the postal address, one line each
 * @param taxId   a VAT or tax number; none shown when blank
 */
@ConfigurationProperties("ledger.invoicing.issuer")
public record InvoiceIssuerProperties(
        @DefaultValue("Engagement Ledger Services") String name,
        @DefaultValue({"1 Example Street", "1000 Example City"}) List<String> address,
        @DefaultValue("billing@engagement-ledger.example") String email,
        @DefaultValue("") String taxId) {

    public InvoiceIssuerProperties {
        address = address == null ? List.of() : List.copyOf(address);
    }
}
