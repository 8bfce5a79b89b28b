package com.engagementledger.engagement.command;

import com.engagementledger.iptransfer.api.EngagementIpTerms;
import java.util.Optional;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engagement's IP terms for one invoice's transfer, as the engagement itself recorded them when that invoice
 * closed its period: loaded from its repository in a unit of work of its own that is always rolled back, like
 * {@link EngagementBillingBases}, so that reading writes nothing and takes no snapshot.
 */
@Component
public class AxonEngagementIpTerms implements EngagementIpTerms {

    private final ObjectProvider<Repository<Engagement>> engagements;

    public AxonEngagementIpTerms(ObjectProvider<Repository<Engagement>> engagements) {
        this.engagements = engagements;
    }

    @Override
    public Optional<IpTerms> of(String engagementId, String invoiceId) {
        if (engagementId == null || engagementId.isBlank()) {
            return Optional.empty();
        }
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return Optional.ofNullable(engagements.getObject().load(engagementId).invoke(engagement -> engagement.ipTerms(invoiceId)));
        } catch (AggregateNotFoundException unknown) {
            return Optional.empty();
        } finally {
            unitOfWork.rollback();
        }
    }
}
