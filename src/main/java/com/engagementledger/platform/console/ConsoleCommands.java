package com.engagementledger.platform.console;

import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.api.RuleViolationDetails;
import com.engagementledger.platform.web.EventCollisions;
import com.engagementledger.platform.web.Gateways;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

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
        } catch (ConcurrencyException concurrent) {
            errors.reject("concurrent", "Someone else changed this at the same moment; look again and retry.");
            return Outcome.REFUSED;
        } catch (RuntimeException refused) {
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
        String name = field == null ? null : formField.apply(field);
        if (name != null) {
            errors.rejectValue(name, "rule", message);
        } else {
            errors.reject("rule", (field == null ? "" : field + ": ") + message);
        }
    }

    private static void reject(Errors errors, UnaryOperator<String> formField, RuleViolationDetails details) {
        reject(errors, formField, details.field(), details.message());
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
