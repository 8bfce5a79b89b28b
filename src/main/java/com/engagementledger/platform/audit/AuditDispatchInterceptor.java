package com.engagementledger.platform.audit;

import com.engagementledger.platform.api.AuditMetadata;
import com.engagementledger.platform.api.AuditedCommand;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Stamps every command sent through the gateway with who sends it (the authenticated principal and its roles), why
 * (the command's reason, where it has one) and the request that carried it. The correlation data provider then
 * copies these onto every event the command causes.
 */
public class AuditDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    static final String ROLE_PREFIX = "ROLE_";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> audit = new HashMap<>();
            if (!command.getMetaData().containsKey(AuditMetadata.ACTOR)) {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                if (auth != null && auth.isAuthenticated()) {
                    audit.put(AuditMetadata.ACTOR, auth.getName());
                    audit.put(AuditMetadata.ROLES, auth.getAuthorities().stream()
                            .map(GrantedAuthority::getAuthority)
                            .filter(a -> a.startsWith(ROLE_PREFIX))
                            .map(a -> a.substring(ROLE_PREFIX.length()))
                            .sorted()
                            .toList());
                } else {
                    audit.put(AuditMetadata.ACTOR, AuditMetadata.SYSTEM_ACTOR);
                    audit.put(AuditMetadata.ROLES, List.of(AuditMetadata.SYSTEM_ROLE));
                }
            }
            if (command.getPayload() instanceof AuditedCommand audited && audited.reason() != null
                    && !audited.reason().isBlank()) {
                audit.put(AuditMetadata.REASON, audited.reason());
            }
            RequestContext.current().ifPresent(request -> {
                audit.put(AuditMetadata.REQUEST_ID, request.requestId());
                if (request.correlationId() != null) {
                    audit.put(AuditMetadata.CORRELATION_ID, request.correlationId());
                }
            });
            return command.andMetaData(audit);
        };
    }
}
