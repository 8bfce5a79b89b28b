package com.engagementledger.audit.web;

import com.engagementledger.audit.api.KeyRotated;
import com.engagementledger.audit.chain.AuditChain;
import com.engagementledger.platform.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rotates the key that signs audit checkpoints: the administrator's job (DESIGN.md §2).
 */
@RestController
@RequestMapping("/api/admin/audit/keys")
@RolesAllowed(Roles.ADMIN)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
@Tag(name = "Audit keys", description = "Rotation of the audit signing key.")
public class AuditKeyController {

    private final AuditChain chain;

    public AuditKeyController(AuditChain chain) {
        this.chain = chain;
    }

    @PostMapping("/rotate")
    @Operation(summary = "Rotate the audit signing key",
            description = "Signs a checkpoint of the events chained so far with the current key, then generates a"
                    + " new Ed25519 key pair in the key directory that signs every later checkpoint. The retired"
                    + " public key stays available (GET /api/audit/public-key?keyId=), so old checkpoints still"
                    + " verify. Refused with 409 when the key comes from configuration: configure a new one instead.")
    public KeyRotated rotate() {
        return chain.rotateKey();
    }
}
