package com.engagementledger.engagement.command;

import com.engagementledger.invoicing.api.BillingBases;
import com.engagementledger.invoicing.api.BillingBasis;
import com.engagementledger.invoicing.api.BillingInputs;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The billing basis as the engagement itself computes it for an invoice, for the views that price work not yet
 * invoiced: the engagement (and the timesheets and replacements it reads) is loaded from its repository in a unit
 * of work of its own that is always rolled back, so nothing is ever written, and no snapshot taken, by a view.
 */
@Component
public class EngagementBillingBases implements BillingBases {

    private final ObjectProvider<Repository<Engagement>> engagements;
    private final BillingInputs inputs;

    public EngagementBillingBases(ObjectProvider<Repository<Engagement>> engagements, BillingInputs inputs) {
        this.engagements = engagements;
        this.inputs = inputs;
    }

    @Override
    public Optional<BillingBasis> of(String engagementId, LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a basis is asked for from a day to a later one: " + from + ", " + to);
        }
        return read(engagementId, engagement -> engagement.billingBasis(from, to, inputs));
    }

    @Override
    public Optional<BillingParty> party(String engagementId) {
        return read(engagementId, Engagement::billingParty);
    }

    private <T> Optional<T> read(String engagementId, Function<Engagement, T> question) {
        if (engagementId == null || engagementId.isBlank()) {
            return Optional.empty();
        }
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return Optional.ofNullable(engagements.getObject().load(engagementId).invoke(question));
        } catch (AggregateNotFoundException unknown) {
            return Optional.empty();
        } finally {
            unitOfWork.rollback();
        }
    }
}
