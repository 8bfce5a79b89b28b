package com.engagementledger.engagement.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.engagementledger.platform.api.RuleViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One name is one exclusion however it was typed: composed or decomposed accents, one space or several, any case;
 * the text kept is the normalized one, since it is hashed into a certificate.
 */
class IpExclusionsTest {

    private static final String CAFE_NFC = "Caf\u00E9 kit";
    private static final String CAFE_NFD = "Cafe\u0301 kit";

    @Test
    void itemsAreKeptInNfcWithEachRunOfSpacesOneSpace() {
        assertThat(IpExclusions.check("exclusions", List.of(CAFE_NFD, " a \u00A0 b\u3000c  ")))
                .containsExactly(CAFE_NFC, "a b c");
    }

    @Test
    void theSameNameComposedOrDecomposedIsRefusedAsNamedTwice() {
        refusedAsDuplicate(List.of(CAFE_NFC, CAFE_NFD));
        refusedAsDuplicate(List.of(CAFE_NFD, "CAF\u00C9 KIT"));
    }

    @Test
    void theSameNameWithMoreSpacesBetweenWordsIsRefusedAsNamedTwice() {
        refusedAsDuplicate(List.of("a b", "a  b"));
        refusedAsDuplicate(List.of("Acme UI kit", "acme\u00A0UI   KIT"));
    }

    @Test
    void namesThatReadAlikeAreRefusedAsNamedTwice() {
        refusedAsDuplicate(List.of("Cafe", "Ca\u200Dfe"));
        refusedAsDuplicate(List.of("\uFB01le", "file"));
        refusedAsDuplicate(List.of("\uFF21\uFF22\uFF23", "ABC"));
        refusedAsDuplicate(List.of("STRASSE", "stra\u00DFe"));
        refusedAsDuplicate(List.of("\u039F\u0394\u039F\u03A3", "\u03BF\u03B4\u03BF\u03C3"));
    }

    @Test
    void differentNamesStayDifferent() {
        assertThat(IpExclusions.check("exclusions", List.of("ab", "a b", "Cafe kit", CAFE_NFC))).hasSize(4);
    }

    private static void refusedAsDuplicate(List<String> items) {
        RuleViolation refused = catchThrowableOfType(RuleViolation.class,
                () -> IpExclusions.check("exclusions", items));
        assertThat(refused).as(items.toString()).isNotNull();
        assertThat(refused.rule()).isEqualTo("unique");
        assertThat(refused.field()).isEqualTo("exclusions[1]");
        assertThat(refused.kind()).isEqualTo(RuleViolation.Kind.INVALID_INPUT);
    }
}
