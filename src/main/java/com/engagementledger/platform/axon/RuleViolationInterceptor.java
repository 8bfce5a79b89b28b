package com.engagementledger.platform.axon;

import com.engagementledger.platform.api.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

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

    private static String aggregateName(UnitOfWork<? extends CommandMessage<?>> unitOfWork) {
        String command = unitOfWork.getMessage().getPayloadType().getPackageName();
        String feature = command.replaceFirst("^com\\.engagementledger\\.", "").replaceFirst("\\..*$", "");
        return feature.isEmpty() ? "aggregate" : feature;
    }
}
