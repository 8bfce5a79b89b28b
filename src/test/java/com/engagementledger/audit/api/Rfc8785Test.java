package com.engagementledger.audit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

/**
 * The one-pass RFC 8785 writer gives the library's bytes for every text it takes, and takes none the library refuses
 * (the chain's hashes and its unreadable-event findings must not change): compared on awkward texts and on random
 * ones, valid and broken.
 */
class Rfc8785Test {

    private static final String[] AWKWARD = {
        "{}", "[]", " { } ", "[ ]", "{\"a\":1}", "[1,2,3]", "{\"b\":1,\"a\":2}",
        "{\"a\":{\"d\":[],\"c\":{}},\"b\":null}",
        "{\"rate\":9000.00}", "{\"n\":-0}", "{\"n\":-0.0}", "{\"n\":0}", "{\"n\":-5}", "{\"n\":123456789012345}",
        "{\"n\":1234567890123456}", "{\"n\":12345678901234567890}", "{\"n\":1e21}", "{\"n\":1E-7}", "{\"n\":1e400}",
        "{\"n\":-1e-400}", "{\"n\":0.1}", "{\"n\":1.5e+3}", "{\"n\":01}", "{\"n\":1.}", "{\"n\":.5}", "{\"n\":+1}",
        "{\"n\":-}", "{\"n\":1e}", "{\"n\":9007199254740993}", "{\"n\":0.000001}", "{\"n\":123e-20}",
        "{\"s\":\"\\u00e9\\u00E9\\/\\b\\f\\n\\r\\t\\\"\\\\\"}", "{\"s\":\"\\u0001\\u001f\\u007f\\u2028\"}",
        "{\"s\":\"\\ud834\\udd1e 𝄞 \\ud834\"}", "{\"s\":\"\\x\"}", "{\"s\":\"\\u12\"}", "{\"s\":\"\\uFF10\"}",
        "{\"s\":\"\\u１２３４\"}", "{\"s\":\"raw\ttab\"}", "{\"s\":\"raw\nline\"}", "{\"s\":\"unterminated}",
        "{\"a\":1,\"a\":2}", "{\"a\":1,\"\\u0061\":2}", "{\"b\":1,\"a\":2,\"b\":3}", "{\"a\":1,}", "[1,]", "{,}",
        "{\"a\" 1}", "{\"a\":}", "{a:1}", "{\"a\":true,\"b\":false,\"c\":null}", "{\"a\":tru}", "{\"a\":truex}",
        "{\"a\":nul}", "{\"a\":True}", "\"text\"", "12", "true", "", "   ", "{\"a\":1}}", "{\"a\":1} {\"p\":2}",
        "{\"a\":1", "[[[[[[]]]]]]", "{\"é\":1,\"e\":2,\"ë\":3,\"𝄞\":4,\"\uffff\":5,\"A\":6,\"\":7}",
        "\n\r\t{\"a\"\n:\r1\t,\"b\" : [ 1 , 2 ] }\n", "{\"a\":1}\u00a0", "\u00a0{\"a\":1}", "{\"a\":[1 2]}",
        "{\"a\":\"x\"\"y\"}", "{\"a\":1}x", "[\"\\u0000\"]", "{\"a\":[{},[],\"\",0]}",
    };

    @Test
    void awkwardTextsGiveTheLibrarysBytesOrItsRefusal() {
        for (String text : AWKWARD) {
            assertSameAsLibrary(text);
        }
    }

    @Test
    void randomTextsGiveTheLibrarysBytesOrItsRefusal() {
        Random random = new Random(8785);
        int taken = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = random.nextBoolean() ? object(random, 0) : array(random, 0);
            if (random.nextInt(4) == 0) {
                text = mutate(random, text);
            }
            if (assertSameAsLibrary(text)) {
                taken++;
            }
        }
        assertThat(taken).as("texts the one-pass writer took").isGreaterThan(10_000);
    }

    @Test
    void theEventsOfTheApplicationAreTakenByTheOnePassWriter() {
        String proposal = "{\"engagementId\":\"4c9ad9e9\",\"clientId\":\"bulk-0\",\"seats\":[{\"rate\":9000.00,"
                + "\"startDate\":\"2026-12-05\"}],\"terms\":{\"trialDays\":0,\"ipTrigger\":\"ON_PAYMENT\"}}";
        assertThat(Rfc8785.fast(proposal)).isNotNull();
        assertSameAsLibrary(proposal);
    }

    /** Whether the one-pass writer took the text. */
    private static boolean assertSameAsLibrary(String text) {
        String library;
        try {
            library = new JsonCanonicalizer(text).getEncodedString();
        } catch (Exception | StackOverflowError e) {
            library = null;
        }
        String fast = Rfc8785.fast(text);
        if (library == null) {
            assertThat(fast).as("a text the library refuses: %s", text).isNull();
        } else if (fast != null) {
            assertThat(fast).as(text).isEqualTo(library);
        }
        String combined;
        try {
            combined = Rfc8785.canonicalize(text);
        } catch (Exception e) {
            combined = null;
        }
        assertThat(combined).as(text).isEqualTo(library);
        return fast != null;
    }

    private static String value(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 6 : 8);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2, 3 -> number(random);
            case 4, 5 -> quoted(random);
            case 6 -> object(random, depth + 1);
            default -> array(random, depth + 1);
        };
    }

    private static String object(Random random, int depth) {
        int members = random.nextInt(6);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String name = random.nextInt(5) == 0 ? quoted(random) : "\"" + (char) ('a' + random.nextInt(6)) + "\"";
            parts.add(space(random) + name + space(random) + ":" + space(random) + value(random, depth));
        }
        return "{" + String.join(",", parts) + space(random) + "}";
    }

    private static String array(Random random, int depth) {
        int items = random.nextInt(5);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            parts.add(space(random) + value(random, depth) + space(random));
        }
        return "[" + String.join(",", parts) + "]";
    }

    private static String number(Random random) {
        StringBuilder number = new StringBuilder();
        if (random.nextInt(3) == 0) {
            number.append('-');
        }
        int digits = 1 + random.nextInt(random.nextBoolean() ? 3 : 20);
        number.append(random.nextInt(6) == 0 ? '0' : (char) ('1' + random.nextInt(9)));
        for (int i = 1; i < digits; i++) {
            number.append((char) ('0' + random.nextInt(10)));
        }
        if (random.nextInt(3) == 0) {
            number.append('.');
            for (int i = random.nextInt(6); i >= 0; i--) {
                number.append((char) ('0' + random.nextInt(10)));
            }
        }
        if (random.nextInt(4) == 0) {
            number.append(random.nextBoolean() ? 'e' : 'E').append(random.nextBoolean() ? "" : random.nextBoolean()
                    ? "+" : "-").append(random.nextInt(random.nextBoolean() ? 30 : 400));
        }
        return number.toString();
    }

    private static String quoted(Random random) {
        StringBuilder text = new StringBuilder("\"");
        for (int i = random.nextInt(8); i > 0; i--) {
            switch (random.nextInt(10)) {
                case 0 -> text.append("\\").append("\"\\/bfnrt".charAt(random.nextInt(8)));
                case 1 -> text.append(String.format("\\u%04x", random.nextInt(0x10000)));
                case 2 -> text.append((char) (0x80 + random.nextInt(0xFF80)));
                case 3 -> text.append("é𝄞");
                default -> text.append((char) (0x20 + random.nextInt(0x5F)));
            }
        }
        return text.append('"').toString().replace("\\\"\"", "\\\"x\"");
    }

    private static String space(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> " ";
            case 1 -> "\n\t";
            case 2 -> "\r ";
            default -> "";
        };
    }

    private static String mutate(Random random, String text) {
        if (text.isEmpty()) {
            return text;
        }
        int at = random.nextInt(text.length());
        String pieces = "{}[]\",:\\ 0-.eE+tfnu\u0001\t\u00a0x";
        return switch (random.nextInt(3)) {
            case 0 -> text.substring(0, at) + text.substring(at + 1);
            case 1 -> text.substring(0, at) + pieces.charAt(random.nextInt(pieces.length())) + text.substring(at);
            default -> text.substring(0, at) + pieces.charAt(random.nextInt(pieces.length()))
                    + text.substring(at + 1);
        };
    }
}
