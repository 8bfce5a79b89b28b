package com.engagementledger.demo;

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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A handful of realistic engagements, one in each state, so that a first look at the demo shows data. The id of the
 * engagement with client {@code acme} is {@code DemoCommands.id("engagement:acme")}, and so on.
 */
@Component
@Profile("demo")
@Order(EngagementDemoData.ORDER)
public class EngagementDemoData implements DemoData {

    static final int ORDER = 100;

    @Override
    public void seed(DemoCommands commands) {
        LocalDate today = commands.today();

        String acme = propose(commands, "acme", "Acme Corporation", "Senior Java Engineer", "EUR",
                BillingModel.MONTHLY, List.of(seat("acme-1", "pro-anna", "Anna Kowalski", "9800.00", today),
                        seat("acme-2", "pro-bruno", "Bruno Lima", "9200.00", today.plusDays(7))), 0);
        commands.send(new ActivateEngagement(acme, today, null));
        commands.send(new ScheduleRateChange(acme, DemoCommands.id("rate-change:acme-review"), null,
                new BigDecimal("10100.00"), today.plusDays(45),
                "Annual rate review agreed with the client", null));

        String globex = propose(commands, "globex", "Globex Inc.", "Data Engineer", "USD", BillingModel.HOURLY,
                List.of(seat("globex-1", "pro-chen", "Chen Wei", "85.00", today)), 14);
        commands.send(new StartTrial(globex, today, null));

        propose(commands, "initech", "Initech Ltd", "QA Lead", "GBP", BillingModel.MONTHLY,
                List.of(seat("initech-1", "pro-dana", "Dana Okafor", "7400.00", today.plusDays(14))), 14);

        String umbrella = propose(commands, "umbrella", "Umbrella Health", "DevOps Engineer", "EUR",
                BillingModel.HOURLY, List.of(seat("umbrella-1", "pro-emil", "Emil Novak", "72.50", today),
                        seat("umbrella-2", "pro-fatima", "Fatima Zahra", "78.00", today)), 0);
        commands.send(new ActivateEngagement(umbrella, today, null));
        commands.send(new PauseEngagement(umbrella, today.plusDays(7), null));

        String hooli = propose(commands, "hooli", "Hooli", "Frontend Engineer", "USD", BillingModel.MONTHLY,
                List.of(seat("hooli-1", "pro-gus", "Gus Andersson", "11000.00", today)), 0);
        commands.send(new ActivateEngagement(hooli, today, null));
        commands.send(new GiveNotice(hooli, today.plusDays(30), false, "Client project completes next month",
                null));
    }

    private static String propose(DemoCommands commands, String clientId, String clientName, String role,
                                  String currency, BillingModel model, List<NewSeat> seats, int trialDays) {
        String id = DemoCommands.id("engagement:" + clientId);
        commands.send(new ProposeEngagement(id, clientId, clientName, role, currency, model, seats,
                new EngagementTerms("UTC", BillingCycle.MONTHLY, 30, 30, trialDays, 90, 2, 5, 5, 30,
                        IpTrigger.ON_PAYMENT)));
        return id;
    }

    private static NewSeat seat(String key, String professionalId, String name, String rate, LocalDate start) {
        return new NewSeat(DemoCommands.id("seat:" + key), professionalId, name, new BigDecimal(rate), start);
    }
}
