package com.engagementledger.platform.console;

import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.api.RuleViolationDetails;
import com.engagementledger.platform.web.EventCollisions;
import com.engagementledger.platform.web.Gateways;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.ObjectError;

/**
 * How a console form sends its command (ADR 0041): through the same command bus as the API, with a refusal of the
 * aggregate (its {@link RuleViolation}, or the {@link CommandExecutionException} details the bus hands back) put
 * next to the form field it names, or on the form as a whole. A command whose new ids derive from the form's token
 * ({@code NewIds}) and that finds them taken was already sent by the same form: that is {@link Outcome#ALREADY_DONE},
 * not a mistake.
 */
@Component
public class ConsoleCommands {

    /** What came of sending a form's command. */
    public enum Outcome {
        DONE, ALREADY_DONE, REFUSED;

        public boolean refused() {
            return this == REFUSED;
        }
    }

    private static final long READ_MODEL_WAIT_MILLIS = 5_000;

    /** The error code of a refusal because of the item's state (409 like the API's, ADR 0041). */
    static final String STATE = "state";
    /** The error code of a refusal because the item changed meanwhile (409 like the API's). */
    static final String CONCURRENT = "concurrent";

    private final Gateways gateways;

    public ConsoleCommands(Gateways gateways) {
        this.gateways = gateways;
    }

    /**
     * Sends a command that changes an existing aggregate.
     *
     * @param formField the form's field for a field the command side names, or null when the form has none
     * @param newIds    the fields of the ids the command creates (e.g. {@code seatId}): refused as taken
     *                  ({@code unique}), the same form was sent before
     */
    public Outcome change(Object command, Errors errors, UnaryOperator<String> formField, String... newIds) {
        try {
            gateways.send(command);
            return Outcome.DONE;
        } catch (RuntimeException refused) {
            if (EventCollisions.isConcurrentChange(refused)) {
                // another writer at the same moment, or a form sent with a version the item has moved past (sent
                // twice): the page is shown again as the item is now
                errors.reject(CONCURRENT, "This changed meanwhile (someone else, or this form sent twice): it is"
                        + " shown again as it is now; check it and send the form again if still needed.");
                return Outcome.REFUSED;
            }
            RuleViolationDetails details = details(refused);
            if ("unique".equals(details.rule()) && Set.of(newIds).contains(details.field())) {
                return Outcome.ALREADY_DONE;
            }
            reject(errors, formField, details);
            return Outcome.REFUSED;
        }
    }

    /** Sends a command that creates an aggregate under an id derived from the form's token. */
    public Outcome create(Object command, Errors errors, UnaryOperator<String> formField) {
        try {
            gateways.send(command);
            return Outcome.DONE;
        } catch (RuntimeException refused) {
            if (EventCollisions.isCollision(refused)) {
                return Outcome.ALREADY_DONE;
            }
            reject(errors, formField, details(refused));
            return Outcome.REFUSED;
        }
    }

    /** The rule violation behind a refusal; anything else is not the form's mistake and goes on up. */
    private static RuleViolationDetails details(RuntimeException refused) {
        if (refused instanceof RuleViolation violation) {
            return violation.details();
        }
        if (refused instanceof CommandExecutionException execution) {
            return execution.<RuleViolationDetails>getDetails().filter(RuleViolationDetails.class::isInstance)
                    .orElseThrow(() -> refused);
        }
        throw refused;
    }

    /** A mistake on the form field it names, or on the form as a whole when the form has no such field. */
    public static void reject(Errors errors, UnaryOperator<String> formField, String field, String message) {
        reject(errors, formField, field, "rule", message);
    }

    private static void reject(Errors errors, UnaryOperator<String> formField, String field, String code,
                               String message) {
        String name = field == null ? null : formField.apply(field);
        if (name != null) {
            errors.rejectValue(name, code, message);
        } else {
            errors.reject(code, (field == null ? "" : field + ": ") + message);
        }
    }

    /** The aggregate's refusal; one because of its state keeps that kind, so that it is answered 409 as in the API. */
    private static void reject(Errors errors, UnaryOperator<String> formField, RuleViolationDetails details) {
        reject(errors, formField, details.field(),
                details.kind() == RuleViolation.Kind.ILLEGAL_STATE ? STATE : "rule", details.message());
    }

    /**
     * The status of a refused form as the API would answer its command (ADR 0041): 409 when the item's state refused
     * it or the item changed meanwhile, 422 for mistakes in its values.
     */
    public static HttpStatus status(Errors errors) {
        boolean conflict = errors.getAllErrors().stream().map(ObjectError::getCodes).filter(Objects::nonNull)
                .flatMap(Arrays::stream).anyMatch(code -> STATE.equals(code) || CONCURRENT.equals(code));
        return conflict ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
    }

    /**
     * Waits (at most 5 s) until the read model shows what a form changed, so that the page shown next shows it: the
     * read models follow the event store within moments.
     */
    public static void awaitReadModel(BooleanSupplier shown) {
        long deadline = System.nanoTime() + READ_MODEL_WAIT_MILLIS * 1_000_000;
        while (!shown.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
