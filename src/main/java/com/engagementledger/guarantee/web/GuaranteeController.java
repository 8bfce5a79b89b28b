package com.engagementledger.guarantee.web;

import com.engagementledger.guarantee.api.FindGuarantees;
import com.engagementledger.guarantee.api.GuaranteesView;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.security.Roles;
import com.engagementledger.platform.web.Gateways;
import com.engagementledger.platform.web.ResourceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The replacement guarantee of an engagement over HTTP, read-only: every role reads it.
 */
@RestController
@RequestMapping("/api/guarantees")
@Validated
@RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
@Tag(name = "Guarantees", description = "The replacement guarantee per engagement and seat: windows, free"
        + " replacements, SLA clocks, breaches and service credits.")
public class GuaranteeController {

    private final Gateways gateways;

    public GuaranteeController(Gateways gateways) {
        this.gateways = gateways;
    }

    @GetMapping
    @Operation(summary = "Read an engagement's guarantees",
            description = "Per seat: its guarantee window, free replacements used and left, and the open"
                    + " replacement with its SLA clock (business days left, or late) as of today; the missed SLAs"
                    + " with their service credits, and the credits owed that no invoice has carried yet.")
    public GuaranteesView get(
            @Parameter(description = "the engagement", required = true) @RequestParam(required = false) @ResourceId
            String engagementId) {
        if (engagementId == null) {
            // Spring's own refusal of a missing parameter names no field; this one names it like every other
            throw RuleViolation.malformed("engagementId", "required", "engagementId: the engagement is required");
        }
        return gateways.query(new FindGuarantees(engagementId), ResponseTypes.optionalInstanceOf(GuaranteesView.class))
                .orElseThrow(() -> RuleViolation.notFound("engagementId", "No engagement with id " + engagementId));
    }
}
