package com.engagementledger.engagement.web;

import com.engagementledger.engagement.api.NewSeat;
import com.engagementledger.engagement.api.ProposeEngagement;
import com.engagementledger.platform.web.NewIds;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns a proposal as a client sends it into the command: new ids for the engagement and its seats, omitted terms
 * completed with the configured defaults. The API's {@code POST /api/engagements} and the console's proposal form
 * (ADR 0041) both propose through it, so that a proposal means the same whichever way it comes in.
 */
@Component
public class Proposals {

    private final EngagementDefaults defaults;
    private final NewIds ids;

    public Proposals(EngagementDefaults defaults, NewIds ids) {
        this.defaults = defaults;
        this.ids = ids;
    }

    /** The command for a request that passed bean validation. */
    public ProposeEngagement command(ProposeEngagementRequest request) {
        String engagementId = ids.next("engagement");
        List<NewSeat> seats = new ArrayList<>();
        for (int i = 0; i < request.seats().size(); i++) {
            SeatRequest seat = request.seats().get(i);
            seats.add(new NewSeat(ids.next("seat " + i), seat.professionalId(), seat.professionalName(),
                    seat.rate(), seat.startDate()));
        }
        return new ProposeEngagement(engagementId, request.clientId(), request.clientName(), request.roleTitle(),
                request.currency(), request.billingModel(), seats, defaults.complete(request.terms()));
    }
}
