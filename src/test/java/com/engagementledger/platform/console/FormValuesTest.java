package com.engagementledger.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.validation.MapBindingResult;

/** A form's number is plain decimal notation with ASCII digits only, refused with an example that fits the field. */
class FormValuesTest {

    @Test
    void plainDecimalsAreRead() {
        assertThat(FormValues.plainDecimal("9800.00")).isEqualByComparingTo("9800.00");
        assertThat(FormValues.plainDecimal(" -7.5 ")).isEqualByComparingTo("-7.5");
        assertThat(FormValues.plainDecimal("0")).isEqualByComparingTo("0");
    }

    @Test
    void exponentsFullWidthDigitsAndOtherNotationsAreRefused() {
        for (String text : new String[] {"1e3", "1E3", "１０００", "١٠٠٠", "+5", "5.", ".5", "1,000", "0x10", "NaN",
                "1 000"}) {
            MapBindingResult errors = errors();
            assertThat(FormValues.number(errors, "amount", text, null)).as(text).isNull();
            assertThat(errors.getFieldError("amount").getDefaultMessage()).as(text)
                    .isEqualTo("must be a number such as 9800.00");
        }
    }

    @Test
    void anHoursFieldGivesAnHoursExample() {
        MapBindingResult errors = errors();
        assertThat(FormValues.number(errors, "hours", "1e1", null, FormValues.HOURS_EXAMPLE)).isNull();
        assertThat(errors.getFieldError("hours").getDefaultMessage()).isEqualTo("must be a number such as 7.5");
    }

    @Test
    void anEmptyFieldIsMissing() {
        MapBindingResult errors = errors();
        assertThat(FormValues.number(errors, "amount", " ", "Enter the amount.")).isNull();
        assertThat(errors.getFieldError("amount").getDefaultMessage()).isEqualTo("Enter the amount.");
        MapBindingResult optional = errors();
        assertThat(FormValues.number(optional, "amount", "", null)).isNull();
        assertThat(optional.hasErrors()).isFalse();
        assertThat(FormValues.number(optional, "amount", "12.50", null)).isEqualTo(new BigDecimal("12.50"));
    }

    private static MapBindingResult errors() {
        Map<String, Object> target = new HashMap<>();
        target.put("amount", null);
        target.put("hours", null);
        return new MapBindingResult(target, "form");
    }
}
