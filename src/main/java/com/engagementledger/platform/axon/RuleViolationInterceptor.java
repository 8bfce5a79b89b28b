package com.engagementledger.platform.axon;

import com.engagementledger.platform.api.RuleViolation;
import java.lang.reflect.Field;
import java.util.Locale;
import java.util.Set;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Turns a domain refusal into a command execution exception whose details carry the rule, the field and the kind.
 * Exceptions are not serialized across a distributed command bus, details are: this keeps a 409 a 409 on Axon Server.
 */
public class RuleViolationInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Set<String> ACRONYMS = Set.of("ip");

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (RuleViolation violation) {
            throw new CommandExecutionException(violation.getMessage(), violation, violation.details());
        } catch (AggregateNotFoundException notFound) {
            throw notFound(unitOfWork, notFound.getAggregateIdentifier(), notFound);
        } catch (IncompatibleAggregateException otherKind) {
            // the id names another kind of aggregate (an invoice's id given as an engagement's): Axon replays that
            // stream into this aggregate class, whose handlers never set its identifier. No such aggregate exists.
            throw notFound(unitOfWork, targetIdentifier(unitOfWork), otherKind);
        }
    }

    private static CommandExecutionException notFound(UnitOfWork<? extends CommandMessage<?>> unitOfWork, Object id,
            Exception cause) {
        RuleViolation violation = RuleViolation.notFound("id", "No " + aggregateName(unitOfWork) + " with id " + id);
        return new CommandExecutionException(violation.getMessage(), cause, violation.details());
    }

    private static Object targetIdentifier(UnitOfWork<? extends CommandMessage<?>> unitOfWork) {
        Object command = unitOfWork.getMessage().getPayload();
        for (Field field : command.getClass().getDeclaredFields()) {
            if (field.isAnnotationPresent(TargetAggregateIdentifier.class)) {
                try {
                    field.setAccessible(true);
                    return field.get(command);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return "given";
                }
            }
        }
        return "given";
    }

    /**
     * The aggregate the command addresses, named by its identifier ({@code engagementId} → engagement): a command of
     * one feature can address another's aggregate (a replacement is requested of the engagement), so the command's
     * package would name the wrong one.
     */
    private static String aggregateName(UnitOfWork<? extends CommandMessage<?>> unitOfWork) {
        Class<?> command = unitOfWork.getMessage().getPayloadType();
        for (Field field : command.getDeclaredFields()) {
            if (field.isAnnotationPresent(TargetAggregateIdentifier.class) && field.getName().endsWith("Id")
                    && field.getName().length() > 2) {
                return readable(field.getName().substring(0, field.getName().length() - 2));
            }
        }
        String feature = command.getPackageName().replaceFirst("^com\\.engagementledger\\.", "")
                .replaceFirst("\\..*$", "");
        return feature.isEmpty() ? "aggregate" : feature;
    }

    /**
     * {@code ipTransfer} as the GET answers name it, "IP transfer": camel case split into lower-case words, an
     * acronym kept in capitals.
     */
    static String readable(String camelCase) {
        StringBuilder words = new StringBuilder();
        for (String word : camelCase.split("(?=\\p{Lu})")) {
            if (!words.isEmpty()) {
                words.append(' ');
            }
            words.append(ACRONYMS.contains(word.toLowerCase(Locale.ROOT)) ? word.toUpperCase(Locale.ROOT)
                    : word.toLowerCase(Locale.ROOT));
        }
        return words.toString();
    }
}
