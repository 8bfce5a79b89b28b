package com.engagementledger.platform.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Lays out a {@link PdfSheet} on A4 pages with OpenPDF and the standard Helvetica fonts (nothing embedded, and the
 * text can be extracted again). Deterministic in content; the PDF's creation date is the library's.
 */
public final class PdfRenderer {

    private static final Font TITLE = new Font(Font.HELVETICA, 20, Font.BOLD);
    private static final Font SUBTITLE = new Font(Font.HELVETICA, 11, Font.BOLD, new Color(0x99, 0x22, 0x22));
    private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 9, Font.NORMAL);
    private static final Font BOLD = new Font(Font.HELVETICA, 9, Font.BOLD);
    private static final Color HEADER_FILL = new Color(0xEE, 0xEE, 0xEE);

    private PdfRenderer() {
    }

    public static byte[] render(PdfSheet sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 42, 42, 42, 42);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(sheet.title());
            document.open();
            document.add(new Paragraph(sheet.title(), TITLE));
            if (sheet.subtitle() != null) {
                document.add(new Paragraph(sheet.subtitle(), SUBTITLE));
            }
            for (PdfSheet.Block block : sheet.blocks()) {
                add(document, block);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The PDF could not be laid out: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void add(Document document, PdfSheet.Block block) {
        if (block instanceof PdfSheet.Heading heading) {
            Paragraph paragraph = new Paragraph(heading.text(), HEADING);
            paragraph.setSpacingBefore(12);
            paragraph.setSpacingAfter(4);
            document.add(paragraph);
        } else if (block instanceof PdfSheet.Paragraph text) {
            Paragraph paragraph = new Paragraph(text.text(), BODY);
            paragraph.setSpacingBefore(6);
            document.add(paragraph);
        } else if (block instanceof PdfSheet.Columns columns) {
            document.add(columns(columns));
        } else if (block instanceof PdfSheet.Table table) {
            document.add(table(table));
        } else if (block instanceof PdfSheet.Pairs pairs) {
            document.add(pairs(pairs));
        }
    }

    private static PdfPTable columns(PdfSheet.Columns columns) {
        PdfPTable table = new PdfPTable(Math.max(1, columns.columns().size()));
        table.setWidthPercentage(100);
        table.setSpacingBefore(12);
        for (List<String> lines : columns.columns()) {
            PdfPCell cell = new PdfPCell();
            cell.setBorder(Rectangle.NO_BORDER);
            for (int i = 0; i < lines.size(); i++) {
                cell.addElement(new Paragraph(lines.get(i), i == 0 ? BOLD : BODY));
            }
            table.addCell(cell);
        }
        return table;
    }

    private static PdfPTable table(PdfSheet.Table spec) {
        PdfPTable table = new PdfPTable(spec.headers().size());
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        float[] widths = new float[spec.widths().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = spec.widths().get(i);
        }
        table.setWidths(widths);
        table.setHeaderRows(1);
        for (int i = 0; i < spec.headers().size(); i++) {
            PdfPCell cell = cell(spec.headers().get(i), BOLD, spec.numeric().get(i));
            cell.setBackgroundColor(HEADER_FILL);
            table.addCell(cell);
        }
        if (spec.rows().isEmpty() && spec.empty() != null) {
            PdfPCell cell = cell(spec.empty(), BODY, false);
            cell.setColspan(spec.headers().size());
            table.addCell(cell);
        }
        for (List<String> row : spec.rows()) {
            for (int i = 0; i < row.size(); i++) {
                table.addCell(cell(row.get(i), BODY, spec.numeric().get(i)));
            }
        }
        return table;
    }

    private static PdfPTable pairs(PdfSheet.Pairs pairs) {
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(50);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setSpacingBefore(8);
        for (PdfSheet.Pair pair : pairs.pairs()) {
            Font font = pair.strong() ? BOLD : BODY;
            PdfPCell label = cell(pair.label(), font, false);
            PdfPCell value = cell(pair.value(), font, true);
            label.setBorder(Rectangle.NO_BORDER);
            value.setBorder(pair.strong() ? Rectangle.TOP : Rectangle.NO_BORDER);
            table.addCell(label);
            table.addCell(value);
        }
        return table;
    }

    private static PdfPCell cell(String text, Font font, boolean right) {
        PdfPCell cell = new PdfPCell(new Phrase(new Chunk(text == null ? "" : text, font)));
        cell.setHorizontalAlignment(right ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        cell.setPadding(4);
        return cell;
    }
}
