package com.engagementledger.platform.pdf;

import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fonts a PDF is written with, as a fallback chain: each character is printed in the first font of the chain
 * that has a glyph for it (OpenPDF's {@link FontSelector}). The chain is the configured font files first (TrueType
 * or OpenType, embedded as Identity-H, so a deployment that prints Japanese or Chinese names configures a CJK font),
 * then the system's DejaVu Sans when installed (Latin, Greek, Cyrillic and more), then the built-in Helvetica
 * (Latin-1 only). A character that no font of the chain can print is never dropped: it is printed as U+FFFD (or
 * '?', when no font has that either), so a reader sees that something is missing.
 */
public final class PdfFonts {

    /** DejaVu Sans where Debian, Ubuntu and most other Linux distributions install it. */
    static final List<Path> SYSTEM_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/TTF/DejaVuSans.ttf"));

    private static final char REPLACEMENT = '\uFFFD';

    private static final BaseFont HELVETICA = helvetica();

    private static volatile PdfFonts standard;

    private final List<BaseFont> fonts;
    private final String replacement;

    private PdfFonts(List<BaseFont> fonts) {
        this.fonts = List.copyOf(fonts);
        this.replacement = fonts.stream().anyMatch(font -> font.charExists(REPLACEMENT))
                ? String.valueOf(REPLACEMENT) : "?";
    }

    /** The chain without configured fonts: the system's DejaVu Sans when installed, then Helvetica. */
    public static PdfFonts standard() {
        PdfFonts fonts = standard;
        if (fonts == null) {
            fonts = of(List.of());
            standard = fonts;
        }
        return fonts;
    }

    /**
     * The chain with the given font files first, in order ({@code .ttf}, {@code .otf}; a {@code .ttc} collection
     * contributes its first font, or the one named as {@code file.ttc,2}).
     *
     * @throws IllegalArgumentException when a configured file does not exist or is not a font OpenPDF can embed:
     *                                  a configuration error, never ignored
     */
    public static PdfFonts of(List<String> configured) {
        List<BaseFont> fonts = new ArrayList<>();
        for (String path : configured) {
            if (path == null || path.isBlank()) {
                continue;
            }
            fonts.add(load(path.trim()));
        }
        for (Path system : SYSTEM_FONTS) {
            if (Files.isReadable(system)) {
                fonts.add(load(system.toString()));
                break;
            }
        }
        return new PdfFonts(fonts);
    }

    private static BaseFont load(String path) {
        String file = path;
        String name = path;
        int comma = path.lastIndexOf(',');
        if (comma > 0 && path.substring(0, comma).toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            file = path.substring(0, comma);
        } else if (path.toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            name = path + ",0";
        }
        if (!Files.isReadable(Path.of(file))) {
            throw new IllegalArgumentException("The PDF font " + file + " does not exist or cannot be read");
        }
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The PDF font " + path + " cannot be embedded: " + e.getMessage(), e);
        }
    }

    /** The text in the chain's fonts at this size, style ({@link Font#BOLD}, ...) and colour (null for black). */
    Phrase phrase(String text, float size, int style, Color color) {
        FontSelector selector = new FontSelector();
        for (BaseFont font : fonts) {
            selector.addFont(new Font(font, size, style, color));
        }
        selector.addFont(new Font(Font.HELVETICA, size, style, color));
        Phrase phrase = selector.process(printable(text == null ? "" : text));
        phrase.setLeading(size * 1.5f);
        return phrase;
    }

    /** The text with every character no font of the chain has replaced by the replacement character. */
    String printable(String text) {
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (codePoint == '\n' || codePoint == '\r' || codePoint == '\t' || printable(codePoint)) {
                printable.appendCodePoint(codePoint);
            } else {
                printable.append(replacement);
            }
        });
        return printable.toString();
    }

    private boolean printable(int codePoint) {
        if (fonts.stream().anyMatch(font -> font.charExists(codePoint))) {
            return true;
        }
        return HELVETICA.charExists(codePoint);
    }

    private static BaseFont helvetica() {
        try {
            return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("OpenPDF's built-in Helvetica is missing", e);
        }
    }
}
