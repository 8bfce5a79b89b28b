package com.engagementledger.billing.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * The rows of a billing view as CSV, written by Jackson's CSV module: a header row of the row record's fields in
 * their declared order, amounts as plain decimal strings with the currency's minor digits (JPY {@code 677419}, EUR
 * {@code 11177.42}, KWD {@code 2032.258}), dates ISO-8601, a missing value empty. Sent as an attachment.
 */
final class BillingCsv {

    static final String MEDIA_TYPE = "text/csv";

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private BillingCsv() {
    }

    /** Whether the client asked for CSV (an Accept header naming text/csv). */
    static boolean wanted(String accept) {
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains(MEDIA_TYPE);
    }

    static <R extends Record> void write(HttpServletResponse response, String filename, Class<R> rowType,
                                         List<R> rows) throws IOException {
        response.setContentType(MEDIA_TYPE + ";charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString());
        OutputStream out = response.getOutputStream();
        MAPPER.writer(schema(rowType)).writeValue(out, rows);
        out.flush();
    }

    /** The columns: the row record's components, in order. */
    static CsvSchema schema(Class<? extends Record> rowType) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        for (RecordComponent component : rowType.getRecordComponents()) {
            schema.addColumn(component.getName());
        }
        return schema.build();
    }

    /** For tests and clients alike: the same mapper reads a view back. */
    static CsvMapper mapper() {
        return MAPPER;
    }
}
