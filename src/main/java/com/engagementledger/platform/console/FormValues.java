package com.engagementledger.platform.console;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;
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

    /** A decimal number such as {@code 9800.00}; null when left empty ({@code missing} is then the message). */
    public static BigDecimal number(Errors errors, String field, String value, String missing) {
        if (blank(value)) {
            if (missing != null) {
                errors.rejectValue(field, "required", missing);
            }
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "type", "must be a number such as 9800.00");
            return null;
        }
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
