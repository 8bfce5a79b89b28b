package com.engagementledger.iptransfer.web;

import com.engagementledger.iptransfer.api.IpLedgerRow;
import com.engagementledger.platform.web.CsvCells;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The IP ledger's rows as CSV, like the billing views: a header row of the row's fields in order, the periods of
 * each status in one cell separated by spaces (oldest first), what remains and the contested shortfall as plain
 * decimals with the currency's minor digits. A text cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP's CSV injection
 * advice). Sent as an attachment.
 */
final class IpLedgerCsv {

    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static final CsvSchema SCHEMA = CsvSchema.builder().setUseHeader(true)
            .addColumn("clientId").addColumn("clientName").addColumn("engagementId").addColumn("currency")
            .addColumn("assigned").addColumn("partiallyAssigned").addColumn("pending").addColumn("suspended")
            .addColumn("contested").addColumn("voided").addColumn("remaining")
            .addColumn("contestedShortfall")
            .build();

    private IpLedgerCsv() {
    }

    static void write(HttpServletResponse response, String filename, List<IpLedgerRow> rows) throws IOException {
        response.setContentType(CSV + ";charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString());
        List<Object[]> cells = rows.stream().map(row -> new Object[] {
                CsvCells.neutralized(row.clientId()), CsvCells.neutralized(row.clientName()),
                CsvCells.neutralized(row.engagementId()),
                row.currency(), periods(row.assigned()), periods(row.partiallyAssigned()), periods(row.pending()),
                periods(row.suspended()), periods(row.contested()), periods(row.voided()), row.remaining(),
                row.contestedShortfall()})
                .toList();
        OutputStream out = response.getOutputStream();
        MAPPER.writer(SCHEMA).writeValue(out, cells);
        out.flush();
    }

    private static String periods(List<String> periods) {
        return String.join(" ", periods);
    }

}
