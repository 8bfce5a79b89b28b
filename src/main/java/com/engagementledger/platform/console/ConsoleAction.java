package com.engagementledger.platform.console;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * One action a console page offers as a small form (ADR 0041): posted to {@code .../actions/{path}}, its fields named
 * as the API's request names them, so that bean validation and the aggregate's rule violations name them, and shown
 * under {@link #formName} (the form's model attribute and the prefix of its fields' ids, {@code rateChange-newRate}).
 */
public interface ConsoleAction {

    /** What every action form has: where it posts ({@code .../actions/{path}}), its title, its fields. */
    record Form(String path, String title, List<String> fields) {
    }

    Form form();

    default String path() {
        return form().path();
    }

    default String title() {
        return form().title();
    }

    default List<String> fields() {
        return form().fields();
    }

    default String formName() {
        StringBuilder name = new StringBuilder();
        for (String part : path().split("-")) {
            name.append(name.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return name.toString();
    }

    /**
     * The form's fields that it sends as hidden inputs (which candidate a decision is about): nobody sees a message
     * next to them, so their mistakes are shown as the form's ({@link #refused}).
     */
    default List<String> hiddenFields() {
        return List.of();
    }

    /** The form's field for a field the API's request or the aggregate names; null when the form has none. */
    default String formField(String field) {
        return fields().contains(field) ? field : null;
    }

    /** The action of {@code type} posted to {@code path}, if any. */
    static <A extends Enum<A> & ConsoleAction> Optional<A> byPath(Class<A> type, String path) {
        return Arrays.stream(type.getEnumConstants()).filter(action -> action.path().equals(path)).findFirst();
    }

    /**
     * Shows a form again with the mistakes that refused it: the form under its name, with its errors, marked as the
     * one that failed (its page opens it), and answered as the API answers the command: 409 when the item's state
     * refused it or it changed meanwhile, 422 for mistakes in the form's values.
     */
    static void refused(ConsoleAction action, Object form, BindingResult errors, Model model,
                        HttpServletResponse response) {
        String refusal = action.title() + " was refused: " + errors.getAllErrors().stream()
                .map(DefaultMessageSourceResolvable::getDefaultMessage)
                .collect(Collectors.joining("; "));
        // a hidden field's mistake, which no field shows, is shown as the form's (above its fields)
        for (String hidden : action.hiddenFields()) {
            errors.getFieldErrors(hidden).forEach(error -> errors.reject(error.getCode() == null ? "rule"
                    : error.getCode(), hidden + ": " + error.getDefaultMessage()));
        }
        model.addAttribute(action.formName(), form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + action.formName(), errors);
        model.addAttribute("failedAction", action);
        // for a page that no longer offers the action (its state changed meanwhile): the refusal in words
        model.addAttribute("refusal", refusal);
        response.setStatus(ConsoleCommands.status(errors).value());
    }

    /** The notice shown after the action's form was sent. */
    default String notice(ConsoleCommands.Outcome outcome) {
        return outcome == ConsoleCommands.Outcome.ALREADY_DONE
                ? title() + ": this form was already sent; it was recorded once."
                : title() + ": done.";
    }
}
