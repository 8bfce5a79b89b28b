package com.engagementledger.platform.pdf;

import java.util.List;

/**
 * A printable document described as text only: a title and blocks from top to bottom. Features say what a document
 * shows (every amount already formatted as a string, so no feature touches the floating-point sizes of a PDF
 * library); {@link PdfRenderer} lays it out.
 *
 * @param title    the large heading at the top, and the PDF's title
 * @param subtitle a line under it (a status, say); null for none
 */
public record PdfSheet(String title, String subtitle, List<Block> blocks) {

    public PdfSheet {
        blocks = List.copyOf(blocks);
    }

    /** One block of a sheet. */
    public sealed interface Block permits Columns, Heading, Paragraph, Table, Pairs {
    }

    /** Side-by-side groups of lines (who issues, who is billed); each group's first line is bold. */
    public record Columns(List<List<String>> columns) implements Block {
        public Columns {
            columns = columns.stream().map(List::copyOf).toList();
        }
    }

    /** A section heading. */
    public record Heading(String text) implements Block {
    }

    /** Plain text. */
    public record Paragraph(String text) implements Block {
    }

    /**
     * A table with a header row; {@code widths} are relative column widths, {@code numeric} the columns aligned
     * right. An empty table shows {@code empty} instead, when given.
     */
    public record Table(List<String> headers, List<Integer> widths, List<Boolean> numeric, List<List<String>> rows,
                        String empty) implements Block {
        public Table {
            headers = List.copyOf(headers);
            widths = List.copyOf(widths);
            numeric = List.copyOf(numeric);
            rows = rows.stream().map(List::copyOf).toList();
            int columns = headers.size();
            if (widths.size() != columns || numeric.size() != columns
                    || rows.stream().anyMatch(row -> row.size() != columns)) {
                throw new IllegalArgumentException("every row of a table has one cell per header");
            }
        }
    }

    /**
     * Labels and values, right-aligned (totals); a pair marked {@code strong} is bold. The table takes
     * {@code widthPercent} of the page, half of it by default (an invoice's totals); a value longer than an amount,
     * such as an instant, needs more to stay on one line.
     */
    public record Pairs(List<Pair> pairs, int widthPercent) implements Block {
        public Pairs {
            pairs = List.copyOf(pairs);
            if (widthPercent < 1 || widthPercent > 100) {
                throw new IllegalArgumentException("widthPercent must be 1 to 100, was " + widthPercent);
            }
        }

        public Pairs(List<Pair> pairs) {
            this(pairs, 50);
        }
    }

    public record Pair(String label, String value, boolean strong) {
    }
}
