package com.engagementledger.platform.axon;

import com.engagementledger.platform.api.RuleViolation;
import java.lang.reflect.Field;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Turns a domain refusal into a command execution exception whose details carry the rule, the field and the kind.
 * Exceptions are not serialized across a distributed command bus, details are: this keeps a 409 a 409 on Axon Server.
 */
public class RuleViolationInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (RuleViolation violation) {
            throw new CommandExecutionException(violation.getMessage(), violation, violation.details());
        } catch (AggregateNotFoundException notFound) {
            RuleViolation violation = RuleViolation.notFound("id",
                    "No " + aggregateName(unitOfWork) + " with id " + notFound.getAggregateIdentifier());
            throw new CommandExecutionException(violation.getMessage(), notFound, violation.details());
        }
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
                return field.getName().substring(0, field.getName().length() - 2);
            }
        }
        String feature = command.getPackageName().replaceFirst("^com\\.engagementledger\\.", "")
                .replaceFirst("\\..*$", "");
        return feature.isEmpty() ? "aggregate" : feature;
    }
}
