package com.engagementledger.platform.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Operational settings of the ledger. Business defaults of engagements live in
 * {@code ledger.engagement-defaults}; these are about how the system runs.
 *
 * @param dataDir           where the embedded stores keep their files (H2 event store, embedded MongoDB)
 * @param snapshotThreshold events after which an engagement is snapshotted
 * @param testClock         whether the application clock can be set over HTTP (demo profile and tests only)
 * @param security          how callers authenticate
 * @param projectionBatchSize events a read-model processor handles per batch
 * @param maxBodyBytes      the largest request body accepted
 */
@Validated
@ConfigurationProperties("ledger")
public record LedgerProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @Min(1) @DefaultValue("50") int snapshotThreshold,
        @DefaultValue("false") boolean testClock,
        @Valid @NotNull @DefaultValue Security security,
        @Min(1) @DefaultValue("100") int projectionBatchSize,
        @Min(1024) @DefaultValue("1048576") int maxBodyBytes) {

    public enum AuthenticationMode { BASIC, JWT }

    /**
     * @param mode        HTTP Basic against {@code users}, or an OAuth2 resource server validating JWTs
     * @param users       the users of BASIC mode, with BCrypt hashes; empty outside the demo profile on purpose
     * @param rolesClaim  the JWT claim that lists the caller's roles in JWT mode
     * @param credentialCache how long BASIC mode remembers a password that BCrypt accepted (ADR 0039)
     */
    public record Security(
            @NotNull @DefaultValue("BASIC") AuthenticationMode mode,
            @Valid @NotNull @DefaultValue List<User> users,
            @NotBlank @DefaultValue("roles") String rolesClaim,
            @Valid @NotNull @DefaultValue CredentialCache credentialCache) {
    }

    /**
     * @param ttl         from the BCrypt check on, never extended by use; {@code 0} checks every request with BCrypt.
     *                    At most 15 minutes: a password removed from configuration is honoured this long at worst
     * @param maximumSize users remembered at most
     */
    public record CredentialCache(
            @NotNull @DurationMin(seconds = 0) @DurationMax(minutes = 15) @DefaultValue("60s") Duration ttl,
            @Min(1) @DefaultValue("1000") int maximumSize) {
    }

    public record User(@NotBlank String username, @NotBlank String passwordHash, @NotNull List<String> roles) {
    }
}
