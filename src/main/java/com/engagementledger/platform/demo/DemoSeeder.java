package com.engagementledger.platform.demo;

import com.engagementledger.engagement.api.ActivateEngagement;
import com.engagementledger.engagement.api.BillingCycle;
import com.engagementledger.engagement.api.BillingModel;
import com.engagementledger.engagement.api.EngagementTerms;
import com.engagementledger.engagement.api.GiveNotice;
import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.engagement.api.NewSeat;
import com.engagementledger.engagement.api.PauseEngagement;
import com.engagementledger.engagement.api.ProposeEngagement;
import com.engagementledger.engagement.api.ScheduleRateChange;
import com.engagementledger.engagement.api.StartTrial;
import com.engagementledger.platform.api.AuditMetadata;
import com.engagementledger.platform.security.Roles;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Seeds a handful of realistic engagements in the demo profile, through the same commands an account manager would
 * send, so that a first look at the demo shows data. Runs only on an empty event store (asked through Axon, so that
 * it holds on Axon Server too).
 */
@Component
@Profile("demo")
public class DemoSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private static final String ACTOR = "demo-seed";

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final Clock clock;

    public DemoSeeder(CommandGateway commands, EventStore eventStore, Clock clock) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
            if (events.hasNextAvailable()) {
                return;
            }
        }
        LocalDate today = LocalDate.now(clock);

        String acme = propose("acme", "Acme Corporation", "Senior Java Engineer", "EUR", BillingModel.MONTHLY,
                List.of(seat("pro-anna", "Anna Kowalski", "9800.00", today),
                        seat("pro-bruno", "Bruno Lima", "9200.00", today.plusDays(7))), 0);
        send(new ActivateEngagement(acme, today, null));
        send(new ScheduleRateChange(acme, UUID.randomUUID().toString(), null, new BigDecimal("10100.00"),
                today.plusDays(45),
                "Annual rate review agreed with the client", null));

        String globex = propose("globex", "Globex Inc.", "Data Engineer", "USD", BillingModel.HOURLY,
                List.of(seat("pro-chen", "Chen Wei", "85.00", today)), 14);
        send(new StartTrial(globex, today, null));

        propose("initech", "Initech Ltd", "QA Lead", "GBP", BillingModel.MONTHLY,
                List.of(seat("pro-dana", "Dana Okafor", "7400.00", today.plusDays(14))), 14);

        String umbrella = propose("umbrella", "Umbrella Health", "DevOps Engineer", "EUR", BillingModel.HOURLY,
                List.of(seat("pro-emil", "Emil Novak", "72.50", today),
                        seat("pro-fatima", "Fatima Zahra", "78.00", today)), 0);
        send(new ActivateEngagement(umbrella, today, null));
        send(new PauseEngagement(umbrella, today.plusDays(7), null));

        String hooli = propose("hooli", "Hooli", "Frontend Engineer", "USD", BillingModel.MONTHLY,
                List.of(seat("pro-gus", "Gus Andersson", "11000.00", today)), 0);
        send(new ActivateEngagement(hooli, today, null));
        send(new GiveNotice(hooli, today.plusDays(30), false, "Client project completes next month", null));
        log.info("Seeded 5 demo engagements");
    }

    private String propose(String clientId, String clientName, String role, String currency, BillingModel model,
                           List<NewSeat> seats, int trialDays) {
        String id = UUID.randomUUID().toString();
        send(new ProposeEngagement(id, clientId, clientName, role, currency, model, seats,
                new EngagementTerms("UTC", BillingCycle.MONTHLY, 30, 30, trialDays, 90, 2, 5, 5, 30,
                        IpTrigger.ON_PAYMENT)));
        return id;
    }

    private static NewSeat seat(String professionalId, String name, String rate, LocalDate start) {
        return new NewSeat(UUID.randomUUID().toString(), professionalId, name, new BigDecimal(rate), start);
    }

    private void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                AuditMetadata.ACTOR, ACTOR, AuditMetadata.ROLES, List.of(Roles.ACCOUNT_MANAGER),
                AuditMetadata.REASON, "demo data")));
    }
}
