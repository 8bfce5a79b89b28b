package com.engagementledger.invoicing.web;

import com.engagementledger.invoicing.api.DraftInvoice;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.api.RuleViolationDetails;
import com.engagementledger.platform.web.Gateways;
import com.engagementledger.platform.web.NewIds;
import java.time.YearMonth;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.stereotype.Component;

/**
 * Drafts an engagement's invoice for a month through {@link DraftInvoice}, for the API and the console alike: a new
 * id for a new draft, the existing draft's id when the period already has one, and an unknown engagement refused on
 * the request's {@code engagementId} (not the command's target "id").
 */
@Component
class InvoiceDrafting {

    /** The draft's invoice id, and whether this request opened it (false: the period's draft was regenerated). */
    record Drafted(String invoiceId, boolean created) {
    }

    private final Gateways gateways;
    private final NewIds ids;

    InvoiceDrafting(Gateways gateways, NewIds ids) {
        this.gateways = gateways;
        this.ids = ids;
    }

    Drafted draft(String engagementId, YearMonth period) {
        String invoiceId = ids.next("invoice");
        Object result;
        try {
            result = gateways.send(new DraftInvoice(engagementId, invoiceId, period));
        } catch (CommandExecutionException e) {
            throw namingTheEngagement(e, engagementId);
        } catch (RuleViolation violation) {
            throw violation.kind() == RuleViolation.Kind.NOT_FOUND && "id".equals(violation.field())
                    ? RuleViolation.notFound("engagementId", "No engagement with id " + engagementId)
                    : violation;
        }
        String drafted = result instanceof String id ? id : invoiceId;
        return new Drafted(drafted, drafted.equals(invoiceId));
    }

    /** An unknown engagement is a 404 naming the request's engagementId, not the command's target "id". */
    private static RuntimeException namingTheEngagement(CommandExecutionException e, String engagementId) {
        Optional<RuleViolationDetails> details = e.getDetails();
        if (details.isPresent() && details.get().kind() == RuleViolation.Kind.NOT_FOUND
                && "id".equals(details.get().field())) {
            return RuleViolation.notFound("engagementId", "No engagement with id " + engagementId);
        }
        return e;
    }
}
