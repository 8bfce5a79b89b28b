package com.engagementledger.iptransfer.web;

import com.engagementledger.engagement.api.IpExclusions;
import com.engagementledger.engagement.api.SetIpExclusions;
import com.engagementledger.platform.security.Roles;
import com.engagementledger.platform.web.CommandAccepted;
import com.engagementledger.platform.web.Gateways;
import com.engagementledger.platform.web.IfMatch;
import com.engagementledger.platform.web.ResourceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An engagement's background technology excluded from IP transfer, kept beside the transfers it feeds: the list is
 * an engagement's term (the engagement's command handles it) that only the IP transfers read, copied onto each
 * transfer opened afterwards and onto its certificate. Account managers, who agree the terms with the client, and
 * finance set it.
 */
@RestController
@RequestMapping("/api/engagements")
@Validated
@RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.FINANCE})
@Tag(name = "IP transfers")
public class EngagementIpExclusionsController {

    private final Gateways gateways;

    public EngagementIpExclusionsController(Gateways gateways) {
        this.gateways = gateways;
    }

    @PostMapping("/{id}/ip-exclusions")
    @Operation(summary = "Replace the engagement's IP exclusions",
            description = "The background technology excluded from IP transfer on this engagement, replaced as a"
                    + " whole with a reason: plain-text items of at most 200 characters, each named once, at most"
                    + " 50; an empty list clears it. Invoices issued from now on carry the list onto their"
                    + " transfers and certificates; transfers already open keep theirs. Refused on an ended,"
                    + " cancelled or trial-rejected engagement and when the list is the same as now.")
    public ResponseEntity<CommandAccepted> exclusions(@PathVariable @ResourceId String id, @IfMatch Long version,
            @RequestBody @Valid ExclusionsRequest body) {
        return gateways.accepted(id, new SetIpExclusions(id, IpExclusions.check("exclusions", body.exclusions()), body.reason(),
                version));
    }
}
