package com.engagementledger.platform.console;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.springframework.validation.Errors;

/**
 * A console form's text read as the values its command takes (ADR 0041): what cannot be read (a number, a date) is
 * answered on its field and read as null; the API request's bean validation is run on what could be read, one
 * message per field, so that a form and the API refuse the same input with the same words.
 */
public final class FormValues {

    private FormValues() {
    }

    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The text without surrounding blanks; null for none. */
    public static String text(String value) {
        return blank(value) ? null : value.strip();
    }

    /** A date typed as {@code YYYY-MM-DD}; null when left empty ({@code missing} is then the field's message). */
    public static LocalDate date(Errors errors, String field, String value, String missing) {
        if (blank(value)) {
            if (missing != null) {
                errors.rejectValue(field, "required", missing);
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "type", "must be a date such as 2035-03-05");
            return null;
        }
    }

    /** The example a money field's message gives. */
    public static final String MONEY_EXAMPLE = "9800.00";
    /** The example an hours field's message gives. */
    public static final String HOURS_EXAMPLE = "7.5";
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /** A decimal number such as {@code 9800.00}; null when left empty ({@code missing} is then the message). */
    public static BigDecimal number(Errors errors, String field, String value, String missing) {
        return number(errors, field, value, missing, MONEY_EXAMPLE);
    }

    /**
     * A number in plain decimal notation only ({@code -?[0-9]+(.[0-9]+)?}, ASCII digits): no exponent ({@code 1e3}),
     * no full-width or other scripts' digits, no sign but minus; otherwise "must be a number such as" the example.
     * Null when left empty ({@code missing} is then the field's message).
     */
    public static BigDecimal number(Errors errors, String field, String value, String missing, String example) {
        if (blank(value)) {
            if (missing != null) {
                errors.rejectValue(field, "required", missing);
            }
            return null;
        }
        BigDecimal read = plainDecimal(value);
        if (read == null) {
            errors.rejectValue(field, "type", "must be a number such as " + example);
        }
        return read;
    }

    /** The text as a plain decimal number ({@code -?[0-9]+(.[0-9]+)?}, ASCII digits), or null if it is not one. */
    public static BigDecimal plainDecimal(String value) {
        String stripped = value == null ? "" : value.strip();
        return PLAIN_DECIMAL.matcher(stripped).matches() ? new BigDecimal(stripped) : null;
    }

    /** The API request's bean validation, each message on its form field unless that field already has one. */
    public static void validate(Validator validator, Object request, Errors errors, UnaryOperator<String> formField) {
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            String path = violation.getPropertyPath().toString();
            String field = formField.apply(path);
            if (field == null || !errors.hasFieldErrors(field)) {
                ConsoleCommands.reject(errors, formField, path, violation.getMessage());
            }
        }
    }
}
