package com.engagementledger.platform.web;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one way controllers send commands and queries: every call waits at most {@code ledger.web.gateway-timeout},
 * and a failure surfaces as the exception the handler threw, which {@link ProblemHandler} maps.
 */
@Component
public class Gateways {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final long timeoutMillis;

    public Gateways(CommandGateway commands, QueryGateway queries, WebProperties properties) {
        this.commands = commands;
        this.queries = queries;
        this.timeoutMillis = properties.gatewayTimeout().toMillis();
    }

    /** Sends a command whose handler returns the aggregate's new version, and answers 200 with it as the ETag. */
    public ResponseEntity<CommandAccepted> accepted(String id, Object command) {
        long version = version(command);
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new CommandAccepted(id, version));
    }

    /** Sends a command that creates an aggregate, and answers 201 with its location and version 0 as the ETag. */
    public ResponseEntity<CommandAccepted> created(URI location, String id, Object command) {
        send(command);
        return ResponseEntity.created(location).eTag(ETags.of(0)).body(new CommandAccepted(id, 0));
    }

    /** Sends a command whose handler returns the aggregate's new version. */
    public long version(Object command) {
        Object result = send(command);
        if (result instanceof Number version) {
            return version.longValue();
        }
        throw new IllegalStateException(command.getClass().getSimpleName() + " answered no version");
    }

    public <R> R send(Object command) {
        return await(commands.send(command), command.getClass().getSimpleName());
    }

    public <R> R query(Object query, ResponseType<R> type) {
        return await(queries.query(query, type), query.getClass().getSimpleName());
    }

    private <R> R await(CompletableFuture<R> future, String what) {
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(what + " failed", e.getCause());
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new GatewayTimeoutException(what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayTimeoutException(what);
        }
    }
}
