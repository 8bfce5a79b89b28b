package com.engagementledger.replacement.command;

import com.engagementledger.replacement.api.ReplacementOpening;
import com.engagementledger.replacement.api.ReplacementRecords;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The replacement side of what the engagement asks while it handles a command. {@link #open} creates the
 * replacement through Axon's {@link AggregateLifecycle#createNew}: the engagement's repository hands it to the
 * replacement's repository, which stores the new replacement's first event in the unit of work of the engagement's
 * command, so the seat's claim and the replacement are committed together or not at all (ADR 0026). Both methods
 * work only inside the handling of an aggregate's command.
 */
@Component
public class AxonReplacementRecords implements ReplacementRecords {

    /** Looked up when asked: the repository is built by Axon's configuration, which builds the engagement's too. */
    private final ObjectProvider<Repository<Replacement>> replacements;

    public AxonReplacementRecords(ObjectProvider<Repository<Replacement>> replacements) {
        this.replacements = replacements;
    }

    @Override
    public void open(ReplacementOpening opening) {
        try {
            AggregateLifecycle.createNew(Replacement.class, () -> new Replacement(opening));
        } catch (RuntimeException refused) {
            throw refused;
        } catch (Exception e) {
            throw new IllegalStateException("could not open replacement "
                    + (opening != null ? opening.replacementId() : null), e);
        }
    }

    @Override
    public Standing standing(String replacementId) {
        try {
            return replacements.getObject().load(replacementId).invoke(Replacement::standing);
        } catch (AggregateNotFoundException unknown) {
            return Standing.UNKNOWN;
        }
    }
}
