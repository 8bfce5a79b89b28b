package com.engagementledger.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * HTTP Basic without a BCrypt check on every request (ADR 0039). A password that BCrypt accepted is remembered for a
 * short time, per username, as an HMAC-SHA-256 under a key that exists only in this process; a request whose password
 * has the same HMAC, for a user whose configuration is still the one that was verified, is authenticated without
 * BCrypt. Everything else (an unknown user, a password that differs, an expired or changed user) goes to the
 * wrapped provider, i.e. to BCrypt, so a wrong password costs as much as before and never touches the cache.
 */
final class CachingBasicAuthenticationProvider implements AuthenticationProvider {

    static final String CHECKS_METRIC = "ledger.authentication.basic.checks";
    private static final String HMAC = "HmacSHA256";
    /** How long a request waits for another's BCrypt check of the same password (one check takes ~80 ms). */
    private static final Duration WAIT_FOR_RUNNING_CHECK = Duration.ofSeconds(5);

    private final AuthenticationProvider verifier;
    private final UserDetailsService users;
    private final boolean enabled;
    private final Cache<String, Verified> verified;
    // the BCrypt checks running, by username and the password's HMAC: true once one accepted the password
    private final ConcurrentMap<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();
    // generated per process and never persisted: a heap dump shows HMACs that cannot be tested offline without it
    private final SecretKey key;
    private final Counter passwordHashChecks;
    private final Counter cacheChecks;
    private final AccountStatusUserDetailsChecker accountStatus = new AccountStatusUserDetailsChecker();

    /**
     * @param verifier    checks a password against its BCrypt hash (a {@code DaoAuthenticationProvider} over
     *                    {@code users})
     * @param users       the configured users, read again on every cache hit
     * @param ttl         how long a verified password is remembered from its verification (a hit does not extend
     *                    it); zero remembers nothing
     * @param maximumSize how many users are remembered at most
     * @param ticker      monotonic nanoseconds: a wall clock (or the application's movable test clock) could stretch
     *                    the time to live
     */
    CachingBasicAuthenticationProvider(AuthenticationProvider verifier, UserDetailsService users, Duration ttl,
            int maximumSize, Ticker ticker, MeterRegistry meters) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("The credential cache's time to live must not be negative: " + ttl);
        }
        this.verifier = verifier;
        this.users = users;
        this.enabled = !ttl.isZero();
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maximumSize)
                .ticker(ticker)
                // maintenance on the calling thread: expiry and the size bound hold without a background pool
                .executor(Runnable::run)
                .build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
        this.passwordHashChecks = Counter.builder(CHECKS_METRIC).tag("checked-by", "password-hash")
                .description("HTTP Basic credentials checked with the password hash (BCrypt) or the cache")
                .register(meters);
        this.cacheChecks = Counter.builder(CHECKS_METRIC).tag("checked-by", "cache")
                .description("HTTP Basic credentials checked with the password hash (BCrypt) or the cache")
                .register(meters);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /**
     * Whether the check another request runs for the same password accepted it; false when it refused it, failed, or
     * takes longer than {@link #WAIT_FOR_RUNNING_CHECK} (the waiting request then runs a check of its own).
     */
    private static boolean acceptedBy(CompletableFuture<Boolean> running) {
        try {
            return running.get(WAIT_FOR_RUNNING_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        if (!enabled || username == null || !(authentication.getCredentials() instanceof String password)) {
            return verify(authentication, null, null);
        }
        byte[] mac = mac(username, password);
        Authentication remembered = remembered(authentication, username, mac);
        if (remembered != null) {
            return remembered;
        }
        // One BCrypt check at a time per username and password: when the entry expires, every request of that user
        // in flight misses at once, and each running its own check of the same password stalled them all for the
        // CPU of dozens of checks (P4 of issue 11). Those that arrive while a check of the same password runs wait
        // for it; if it accepted the password, they are hits of the entry it left. If it refused it, each runs its
        // own check: a wrong password still costs every attempt a full BCrypt check.
        String flightKey = username + '\u0000' + HexFormat.of().formatHex(mac);
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = inFlight.putIfAbsent(flightKey, mine);
        if (running != null) {
            if (acceptedBy(running)) {
                remembered = remembered(authentication, username, mac);
                if (remembered != null) {
                    return remembered;
                }
            }
            return verify(authentication, username, mac);
        }
        boolean accepted = false;
        try {
            Authentication result = verify(authentication, username, mac);
            accepted = result != null && result.isAuthenticated();
            return result;
        } finally {
            inFlight.remove(flightKey, mine);
            mine.complete(accepted);
        }
    }

    /** A hit: the remembered verification of this password, for the user as configured now; otherwise null. */
    private Authentication remembered(Authentication authentication, String username, byte[] mac) {
        Verified entry = verified.getIfPresent(username);
        if (entry != null && MessageDigest.isEqual(entry.mac, mac)) {
            UserDetails current = stillTheSame(username, entry.user);
            if (current != null) {
                cacheChecks.increment();
                UsernamePasswordAuthenticationToken result =
                        UsernamePasswordAuthenticationToken.authenticated(current, null, current.getAuthorities());
                result.setDetails(authentication.getDetails());
                return result;
            }
            // the user changed or went away since the verification: forget it and let BCrypt and the account
            // checks decide
            verified.asMap().remove(username, entry);
        }
        return null;
    }

    /** The verifier's answer; a success is remembered. A failure leaves an entry of the same user as it was. */
    private Authentication verify(Authentication authentication, String username, byte[] mac) {
        passwordHashChecks.increment();
        Authentication result = verifier.authenticate(authentication);
        if (mac != null && result != null && result.isAuthenticated()
                && result.getPrincipal() instanceof UserDetails user) {
            // a copy: the provider manager erases the password of the principal it hands out, and the hash is what
            // tells a hit that the configuration is still the one verified
            verified.put(username, new Verified(mac, User.withUserDetails(user).build()));
        }
        return result;
    }

    /** The user as configured now, if it is still the one verified and may still sign in; otherwise null. */
    private UserDetails stillTheSame(String username, UserDetails then) {
        UserDetails now;
        try {
            now = users.loadUserByUsername(username);
            accountStatus.check(now);
        } catch (UsernameNotFoundException | AccountStatusException e) {
            return null;
        }
        boolean same = Objects.equals(now.getUsername(), then.getUsername())
                && Objects.equals(now.getPassword(), then.getPassword())
                && new HashSet<>(now.getAuthorities()).equals(new HashSet<>(then.getAuthorities()));
        return same ? now : null;
    }

    private byte[] mac(String username, String password) {
        try {
            Mac hmac = Mac.getInstance(HMAC);
            hmac.init(key);
            // the username's length first, so that no other username and password make the same input
            byte[] name = username.getBytes(StandardCharsets.UTF_8);
            hmac.update(ByteBuffer.allocate(Integer.BYTES).putInt(name.length).array());
            hmac.update(name);
            return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }

    private static final class Verified {
        private final byte[] mac;
        private final UserDetails user;

        private Verified(byte[] mac, UserDetails user) {
            this.mac = mac;
            this.user = user;
        }
    }
}
