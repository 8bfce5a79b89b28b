package com.engagementledger.audit.web;

import com.engagementledger.audit.api.CheckpointPage;
import com.engagementledger.audit.api.VerificationReport;
import com.engagementledger.audit.chain.AuditChain;
import com.engagementledger.platform.api.RuleViolation;
import com.engagementledger.platform.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tamper evidence of the event history (ADR 0028): verify the hash chain against the event store, list the
 * signed checkpoints, fetch the public keys that verify them. Auditors and administrators read; nothing here changes
 * anything.
 */
@RestController
@RequestMapping("/api/audit")
@Validated
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
@Tag(name = "Audit", description = "Tamper evidence: a SHA-256 hash chain over every event in global order, signed"
        + " checkpoints (Ed25519) and their public keys.")
public class AuditController {

    /** The media type of a PEM text (RFC 7468). */
    static final String PEM = "application/x-pem-file";

    private final AuditChain chain;

    public AuditController(AuditChain chain) {
        this.chain = chain;
    }

    @GetMapping("/verify")
    @Operation(summary = "Verify the event history",
            description = "Recomputes the hash chain from the event store, compares it with the links recorded when"
                    + " the events were chained and checks the signature and chain hash of every checkpoint. Answers"
                    + " ok, or the first position where an event was altered, removed or inserted (or whose"
                    + " checkpoint does not verify) and what is wrong there. Events not chained yet (the chain"
                    + " follows the store within moments) are not counted.")
    public VerificationReport verify() {
        return chain.verify();
    }

    @GetMapping("/checkpoints")
    @Operation(summary = "List the signed checkpoints",
            description = "Checkpoints in position order, a page at a time: pass nextCursor as cursor for the next"
                    + " page. Each signs the statement {chainHash, events, keyId, position, signedAt} (RFC 8785"
                    + " JSON) with the Ed25519 key keyId.")
    public CheckpointPage checkpoints(
            @Parameter(description = "the nextCursor of the previous page") @RequestParam(required = false)
            @Size(max = 19) @Pattern(regexp = "[0-9]+", message = "must be a cursor this API gave") String cursor,
            @Parameter(description = "checkpoints per page") @RequestParam(defaultValue = "100") @Min(1) @Max(1000)
            int limit) {
        return chain.checkpoints(cursor == null ? 0 : parseCursor(cursor), limit);
    }

    @GetMapping(value = "/public-key", produces = PEM)
    @Operation(summary = "The public key that verifies checkpoints",
            description = "The current signing key's public key as PEM (X.509 SubjectPublicKeyInfo), with its id in"
                    + " the X-Key-Id header; with keyId, that key's, also when it is retired, so that old checkpoints"
                    + " stay verifiable.")
    public ResponseEntity<String> publicKey(
            @Parameter(description = "a key id from a checkpoint; the current key when left out")
            @RequestParam(required = false) @Size(max = 64) String keyId) {
        String id = keyId == null ? chain.currentKeyId() : keyId;
        String pem = chain.publicKey(id)
                .orElseThrow(() -> RuleViolation.notFound("keyId", "No audit signing key with id " + keyId));
        return ResponseEntity.ok().header("X-Key-Id", id).body(pem);
    }

    private static long parseCursor(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw RuleViolation.invalid("cursor", "cursor", "must be a cursor this API gave");
        }
    }
}
