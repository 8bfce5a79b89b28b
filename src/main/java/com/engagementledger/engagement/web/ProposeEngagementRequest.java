package com.engagementledger.engagement.web;

import com.engagementledger.engagement.api.BillingModel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new engagement proposal.
 */
public record ProposeEngagementRequest(
        @NotBlank @Size(min = 1, max = 200) String clientId,
        @NotBlank @Size(min = 1, max = 200) String clientName,
        @NotBlank @Size(min = 1, max = 200) String roleTitle,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotNull BillingModel billingModel,
        @NotEmpty @Size(min = 1, max = 100) List<@NotNull @Valid SeatRequest> seats,
        @Valid TermsRequest terms) {
}
