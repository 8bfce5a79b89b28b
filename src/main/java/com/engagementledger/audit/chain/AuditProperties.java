package com.engagementledger.audit.chain;

import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the audit hash chain ({@code ledger.audit.*}, ADR 0028).
 *
 * @param checkpointEvery    a signed checkpoint after this many new events
 * @param checkpointInterval and at least this often (application clock) while new events arrive
 * @param gapTimeout         how long, in real time, a gap in the global index is waited for before the chain records
 *                           the position as holding no event
 * @param batchSize          events linked per transaction
 * @param signingKey         the Ed25519 key pair, PEM with a PRIVATE KEY and a PUBLIC KEY block; when set, the key
 *                           is rotated by configuring another one
 * @param keyDirectory       where generated key pairs are kept (one PEM file per key id, and {@code current}); by
 *                           default {@code <ledger.data-dir>/audit-keys} on the embedded default, required otherwise
 *                           unless a signing key is configured
 * @param retiredPublicKeys  PEM public keys of signing keys configured before {@code signingKey}: with the current
 *                           key (and, in a key directory, every key kept there) the only keys verification trusts —
 *                           never a key that is only recorded in the relational store
 */
@Validated
@ConfigurationProperties("ledger.audit")
public record AuditProperties(
        @Min(1) @DefaultValue("1000") int checkpointEvery,
        @DefaultValue("1h") Duration checkpointInterval,
        @DefaultValue("60s") Duration gapTimeout,
        @Min(1) @DefaultValue("500") int batchSize,
        String signingKey,
        Path keyDirectory,
        List<String> retiredPublicKeys) {
}
