package com.engagementledger.platform.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

/**
 * Lays out a {@link PdfSheet} on A4 pages with OpenPDF in the fonts of a {@link PdfFonts} chain (embedded Unicode
 * fonts, so names in any script print, and the text can be extracted again; a character no font has is printed as a
 * visible replacement, never dropped). Deterministic in content; the PDF's creation date is the library's.
 */
public final class PdfRenderer {

    private static final Style TITLE = new Style(20, Font.BOLD, null);
    private static final Style SUBTITLE = new Style(11, Font.BOLD, new Color(0x99, 0x22, 0x22));
    private static final Style HEADING = new Style(12, Font.BOLD, null);
    private static final Style BODY = new Style(9, Font.NORMAL, null);
    private static final Style BOLD = new Style(9, Font.BOLD, null);
    private static final Color HEADER_FILL = new Color(0xEE, 0xEE, 0xEE);

    private PdfRenderer() {
    }

    /** The sheet in the {@link PdfFonts#standard() standard} fonts. */
    public static byte[] render(PdfSheet sheet, Instant created) {
        return render(sheet, PdfFonts.standard(), created);
    }

    /**
     * @param created the document's creation and modification date: from the application's clock or the document's
     *                own instant, never the system clock OpenPDF would otherwise read
     */
    public static byte[] render(PdfSheet sheet, PdfFonts fonts, Instant created) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 42, 42, 42, 42);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(sheet.title());
            document.open();
            document.add(paragraph(fonts, sheet.title(), TITLE));
            if (sheet.subtitle() != null) {
                document.add(paragraph(fonts, sheet.subtitle(), SUBTITLE));
            }
            for (PdfSheet.Block block : sheet.blocks()) {
                add(document, block, fonts);
            }
            PdfDate date = pdfDate(created);
            writer.getInfo().put(PdfName.CREATIONDATE, date);
            writer.getInfo().put(PdfName.MODDATE, date);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The PDF could not be laid out: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static PdfDate pdfDate(Instant instant) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return new PdfDate(calendar);
    }

    private static Paragraph paragraph(PdfFonts fonts, String text, Style style) {
        return new Paragraph(fonts.phrase(text, style.size(), style.style(), style.color()));
    }

    private static void add(Document document, PdfSheet.Block block, PdfFonts fonts) {
        if (block instanceof PdfSheet.Heading heading) {
            Paragraph paragraph = paragraph(fonts, heading.text(), HEADING);
            paragraph.setSpacingBefore(12);
            paragraph.setSpacingAfter(4);
            document.add(paragraph);
        } else if (block instanceof PdfSheet.Paragraph text) {
            Paragraph paragraph = paragraph(fonts, text.text(), BODY);
            paragraph.setSpacingBefore(6);
            document.add(paragraph);
        } else if (block instanceof PdfSheet.Columns columns) {
            document.add(columns(columns, fonts));
        } else if (block instanceof PdfSheet.Table table) {
            document.add(table(table, fonts));
        } else if (block instanceof PdfSheet.Pairs pairs) {
            document.add(pairs(pairs, fonts));
        }
    }

    private static PdfPTable columns(PdfSheet.Columns columns, PdfFonts fonts) {
        PdfPTable table = new PdfPTable(Math.max(1, columns.columns().size()));
        table.setWidthPercentage(100);
        table.setSpacingBefore(12);
        for (List<String> lines : columns.columns()) {
            PdfPCell cell = new PdfPCell();
            cell.setBorder(Rectangle.NO_BORDER);
            for (int i = 0; i < lines.size(); i++) {
                cell.addElement(paragraph(fonts, lines.get(i), i == 0 ? BOLD : BODY));
            }
            table.addCell(cell);
        }
        return table;
    }

    private static PdfPTable table(PdfSheet.Table spec, PdfFonts fonts) {
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
            PdfPCell cell = cell(fonts, spec.headers().get(i), BOLD, spec.numeric().get(i));
            cell.setBackgroundColor(HEADER_FILL);
            table.addCell(cell);
        }
        if (spec.rows().isEmpty() && spec.empty() != null) {
            PdfPCell cell = cell(fonts, spec.empty(), BODY, false);
            cell.setColspan(spec.headers().size());
            table.addCell(cell);
        }
        for (List<String> row : spec.rows()) {
            for (int i = 0; i < row.size(); i++) {
                table.addCell(cell(fonts, row.get(i), BODY, spec.numeric().get(i)));
            }
        }
        return table;
    }

    private static PdfPTable pairs(PdfSheet.Pairs pairs, PdfFonts fonts) {
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(pairs.widthPercent());
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setSpacingBefore(8);
        for (PdfSheet.Pair pair : pairs.pairs()) {
            Style font = pair.strong() ? BOLD : BODY;
            PdfPCell label = cell(fonts, pair.label(), font, false);
            PdfPCell value = cell(fonts, pair.value(), font, true);
            label.setBorder(Rectangle.NO_BORDER);
            value.setBorder(pair.strong() ? Rectangle.TOP : Rectangle.NO_BORDER);
            table.addCell(label);
            table.addCell(value);
        }
        return table;
    }

    private static PdfPCell cell(PdfFonts fonts, String text, Style style, boolean right) {
        PdfPCell cell = new PdfPCell(fonts.phrase(text, style.size(), style.style(), style.color()));
        cell.setHorizontalAlignment(right ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        cell.setPadding(4);
        return cell;
    }

    /** A size, a style ({@link Font#BOLD}, ...) and a colour (null for black). */
    private record Style(float size, int style, Color color) {
    }
}
