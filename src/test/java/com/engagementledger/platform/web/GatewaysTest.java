package com.engagementledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.engagementledger.platform.api.RuleViolation;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Gateways waits for a command or query at most the configured timeout, and surfaces a handler's refusal as the
 * exception the handler threw.
 */
class GatewaysTest {

    private final CommandGateway commands = mock(CommandGateway.class);
    private final QueryGateway queries = mock(QueryGateway.class);
    private final Gateways gateways = new Gateways(commands, queries, new WebProperties(Duration.ofMillis(200)));

    @Test
    void aCommandThatNeverAnswersTimesOut() {
        when(commands.send(any())).thenReturn(new CompletableFuture<>());
        long started = System.nanoTime();
        assertThatThrownBy(() -> gateways.version("stuck")).isInstanceOf(GatewayTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aQueryThatNeverAnswersTimesOut() {
        when(queries.query(any(), any(org.axonframework.messaging.responsetypes.ResponseType.class)))
                .thenReturn(new CompletableFuture<>());
        assertThatThrownBy(() -> gateways.query("stuck", ResponseTypes.instanceOf(String.class)))
                .isInstanceOf(GatewayTimeoutException.class);
    }

    @Test
    void aRefusalIsThrownAsTheHandlerThrewIt() {
        RuleViolation refused = RuleViolation.illegalState("not-now", "Not now");
        when(commands.send(any())).thenReturn(CompletableFuture.failedFuture(refused));
        assertThatThrownBy(() -> gateways.version("refused")).isSameAs(refused);
    }

    @Test
    void anAcceptedCommandAnswersItsVersionAsETag() {
        when(commands.send(any())).thenReturn(CompletableFuture.completedFuture(4L));
        ResponseEntity<CommandAccepted> accepted = gateways.accepted("e-1", "command");
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(accepted.getHeaders().getETag()).isEqualTo("\"4\"");
        assertThat(accepted.getBody()).isEqualTo(new CommandAccepted("e-1", 4));
    }
}
