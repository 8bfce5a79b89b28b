package com.engagementledger.billing.web;

import com.engagementledger.platform.web.CsvCells;
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
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The rows of a billing view as CSV, written by Jackson's CSV module: a header row of the row record's fields in
 * their declared order, amounts as plain decimal strings with the currency's minor digits (JPY {@code 677419}, EUR
 * {@code 11177.42}, KWD {@code 2032.258}), dates ISO-8601, a missing value empty. Sent as an attachment.
 */
final class BillingCsv {

    static final String MEDIA_TYPE = "text/csv";
    private static final MediaType CSV = MediaType.parseMediaType(MEDIA_TYPE);

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private BillingCsv() {
    }

    /**
     * Whether the client prefers CSV to JSON: the Accept header's quality for {@code text/csv} (from its most specific
     * range that includes it) is higher than for {@code application/json}; equal quality, or no header, is JSON.
     */
    static boolean wanted(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        return quality(accepted, CSV) > quality(accepted, MediaType.APPLICATION_JSON);
    }

    /** The quality of the most specific accepted range including {@code type}; 0 when none does. */
    private static double quality(List<MediaType> accepted, MediaType type) {
        MediaType best = null;
        for (MediaType range : accepted) {
            if (range.includes(type) && (best == null || specificity(range) > specificity(best))) {
                best = range;
            }
        }
        return best == null ? 0 : best.getQualityValue();
    }

    private static int specificity(MediaType range) {
        return range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
    }

    static <R extends Record> void write(HttpServletResponse response, String filename, Class<R> rowType,
                                         List<R> rows) throws IOException {
        response.setContentType(MEDIA_TYPE + ";charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString());
        OutputStream out = response.getOutputStream();
        MAPPER.writer(schema(rowType)).writeValue(out, cells(rowType, rows));
        out.flush();
    }

    /**
     * Each row as its record's values in order, every text value {@linkplain CsvCells#neutralized(String) neutralized};
     * numbers, dates and booleans as they are.
     */
    static <R extends Record> List<Object[]> cells(Class<R> rowType, List<R> rows) {
        RecordComponent[] components = rowType.getRecordComponents();
        List<Object[]> cells = new ArrayList<>(rows.size());
        for (R row : rows) {
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                Object value;
                try {
                    value = components[i].getAccessor().invoke(row);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + components[i] + " of " + rowType, e);
                }
                values[i] = value instanceof String text ? CsvCells.neutralized(text) : value;
            }
            cells.add(values);
        }
        return cells;
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
