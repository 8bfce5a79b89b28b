package com.engagementledger.demo;

import com.engagementledger.platform.api.AuditMetadata;
import com.engagementledger.platform.security.Roles;
import com.engagementledger.platform.time.Today;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * What a feature's {@link DemoData} seeds with: commands sent as the demo actor with a reason, ids that are the same
 * at every seeding (so that the data of one feature can name the data of another), and today's date.
 */
@Component
@Profile("demo")
public class DemoCommands {

    static final String ACTOR = "demo-seed";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final CommandGateway commands;
    private final Clock clock;

    DemoCommands(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** A fixed id for a demo item named {@code key}, e.g. {@code "engagement:acme"}. */
    public static String id(String key) {
        return UUID.nameUUIDFromBytes(("demo:" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public LocalDate today() {
        return Today.in(clock, ZoneOffset.UTC);
    }

    /** Sends {@code command} and waits for it to be handled; a refusal or a timeout fails the seeding. */
    public void send(Object command) {
        send(command, Roles.ACCOUNT_MANAGER);
    }

    /**
     * Sends {@code command} as the demo actor in {@code role} (finance records money movements, say), and waits for
     * it to be handled; a refusal or a timeout fails the seeding.
     */
    public void send(Object command, String role) {
        try {
            commands.send(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                            AuditMetadata.ACTOR, ACTOR, AuditMetadata.ROLES, List.of(role),
                            AuditMetadata.REASON, "demo data")))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding demo data", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException refused ? refused
                    : new IllegalStateException("Demo command " + command.getClass().getSimpleName() + " failed",
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Demo command " + command.getClass().getSimpleName()
                    + " was not handled within " + TIMEOUT, e);
        }
    }
}
