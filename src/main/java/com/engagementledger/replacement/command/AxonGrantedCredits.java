package com.engagementledger.replacement.command;

import com.engagementledger.replacement.api.GrantedCredits;
import com.engagementledger.replacement.api.ServiceCreditGranted;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The credit a replacement granted, read from the replacement loaded in the unit of work of the engagement's
 * command (or of a read-only load of the engagement).
 */
@Component
public class AxonGrantedCredits implements GrantedCredits {

    private final ObjectProvider<Repository<Replacement>> replacements;

    public AxonGrantedCredits(ObjectProvider<Repository<Replacement>> replacements) {
        this.replacements = replacements;
    }

    @Override
    public Optional<ServiceCreditGranted> creditOf(String replacementId) {
        try {
            return replacements.getObject().load(replacementId).invoke(Replacement::grantedCredit);
        } catch (AggregateNotFoundException unknown) {
            return Optional.empty();
        }
    }
}
