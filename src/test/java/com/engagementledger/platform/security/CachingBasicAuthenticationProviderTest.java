package com.engagementledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The cache of verified HTTP Basic credentials (ADR 0039), counting BCrypt checks with an encoder that counts its
 * {@code matches} and moving time with a fake monotonic ticker. Authentication goes through a {@link ProviderManager}
 * as in the application, so the password it erases from the principal it returns is erased here too.
 */
class CachingBasicAuthenticationProviderTest {

    private static final Duration TTL = Duration.ofSeconds(60);

    private final CountingEncoder encoder = new CountingEncoder(new BCryptPasswordEncoder(4));
    private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    CachingBasicAuthenticationProviderTest() {
        users.createUser(user("alice", "right", "AUDITOR"));
    }

    @Test
    void aSecondRequestWithTheVerifiedPasswordSkipsBcrypt() {
        ProviderManager manager = manager(TTL, 1000);

        Authentication first = manager.authenticate(credentials("alice", "right"));
        Authentication second = manager.authenticate(credentials("alice", "right"));

        assertThat(encoder.checks()).isEqualTo(1);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getName()).isEqualTo("alice");
        assertThat(AuthorityUtils.authorityListToSet(second.getAuthorities()))
                .isEqualTo(AuthorityUtils.authorityListToSet(first.getAuthorities()))
                .containsExactly("ROLE_AUDITOR");
        assertThat(second.getCredentials()).isNull();
        assertThat(meters.counter(CachingBasicAuthenticationProvider.CHECKS_METRIC, "checked-by", "password-hash")
                .count()).isEqualTo(1);
        assertThat(meters.counter(CachingBasicAuthenticationProvider.CHECKS_METRIC, "checked-by", "cache").count())
                .isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedWithBcryptAndNeitherCachedNorEvictsTheVerifiedOne() {
        ProviderManager manager = manager(TTL, 1000);
        assertThatThrownBy(() -> manager.authenticate(credentials("alice", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> manager.authenticate(credentials("alice", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.checks()).isEqualTo(2);

        manager.authenticate(credentials("alice", "right"));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> manager.authenticate(credentials("alice", "wrong")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(encoder.checks()).isEqualTo(6);

        manager.authenticate(credentials("alice", "right"));
        assertThat(encoder.checks()).as("the verified password is still remembered").isEqualTo(6);
    }

    @Test
    void aVerifiedPasswordIsForgottenWhenItsTimeToLiveFromTheCheckIsOverEvenIfUsedMeanwhile() {
        ProviderManager manager = manager(TTL, 1000);
        manager.authenticate(credentials("alice", "right"));

        advance(Duration.ofSeconds(30));
        manager.authenticate(credentials("alice", "right"));
        advance(Duration.ofSeconds(29));
        manager.authenticate(credentials("alice", "right"));
        assertThat(encoder.checks()).isEqualTo(1);

        advance(Duration.ofSeconds(1));
        manager.authenticate(credentials("alice", "right"));
        assertThat(encoder.checks()).as("60 s after the check, though used 1 s ago").isEqualTo(2);
        manager.authenticate(credentials("alice", "right"));
        assertThat(encoder.checks()).isEqualTo(2);
    }

    @Test
    void aTimeToLiveOfZeroChecksEveryRequestWithBcrypt() {
        ProviderManager manager = manager(Duration.ZERO, 1000);

        for (int i = 0; i < 3; i++) {
            manager.authenticate(credentials("alice", "right"));
        }

        assertThat(encoder.checks()).isEqualTo(3);
    }

    @Test
    void noMoreUsersAreRememberedThanTheMaximumSize() {
        for (int i = 0; i < 50; i++) {
            users.createUser(user("user" + i, "right", "AUDITOR"));
        }
        ProviderManager manager = manager(TTL, 10);
        for (int i = 0; i < 50; i++) {
            manager.authenticate(credentials("user" + i, "right"));
        }
        assertThat(encoder.checks()).isEqualTo(50);

        for (int i = 0; i < 50; i++) {
            manager.authenticate(credentials("user" + i, "right"));
        }

        assertThat(encoder.checks() - 50).as("BCrypt checks of the second round").isGreaterThanOrEqualTo(40);
    }

    @Test
    void aChangedPasswordIsNotAcceptedFromTheCache() {
        ProviderManager manager = manager(TTL, 1000);
        manager.authenticate(credentials("alice", "right"));

        users.updateUser(user("alice", "new", "AUDITOR"));

        assertThatThrownBy(() -> manager.authenticate(credentials("alice", "right")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(manager.authenticate(credentials("alice", "new")).isAuthenticated()).isTrue();
        assertThat(encoder.checks()).isEqualTo(3);
    }

    @Test
    void changedRolesAreTheOnesGrantedAfterTheChange() {
        ProviderManager manager = manager(TTL, 1000);
        manager.authenticate(credentials("alice", "right"));

        users.updateUser(user("alice", "right", "FINANCE"));
        Authentication after = manager.authenticate(credentials("alice", "right"));

        assertThat(AuthorityUtils.authorityListToSet(after.getAuthorities())).containsExactly("ROLE_FINANCE");
        assertThat(encoder.checks()).isEqualTo(2);
    }

    @Test
    void aRemovedUserIsNotAcceptedFromTheCache() {
        ProviderManager manager = manager(TTL, 1000);
        manager.authenticate(credentials("alice", "right"));

        users.deleteUser("alice");

        assertThatThrownBy(() -> manager.authenticate(credentials("alice", "right")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aDisabledUserIsNotAcceptedFromTheCache() {
        ProviderManager manager = manager(TTL, 1000);
        manager.authenticate(credentials("alice", "right"));

        users.updateUser(User.withUserDetails(users.loadUserByUsername("alice")).disabled(true).build());

        assertThatThrownBy(() -> manager.authenticate(credentials("alice", "right")))
                .isInstanceOf(DisabledException.class);
    }

    @Test
    void requestsArrivingWhileTheirPasswordIsBeingCheckedWaitForThatOneCheck() throws Exception {
        ProviderManager manager = manager(TTL, 1000);
        CountDownLatch gate = new CountDownLatch(1);
        encoder.gate = gate;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Authentication>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> manager.authenticate(credentials("alice", "right"))));
            }
            Thread.sleep(300);
            assertThat(encoder.checks()).as("one check runs, the others wait for it").isEqualTo(1);
            gate.countDown();
            for (Future<Authentication> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS).isAuthenticated()).isTrue();
            }
            assertThat(encoder.checks()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWrongPasswordSentWhileItIsBeingCheckedStillGetsACheckOfItsOwn() throws Exception {
        ProviderManager manager = manager(TTL, 1000);
        CountDownLatch gate = new CountDownLatch(1);
        encoder.gate = gate;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Authentication>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> manager.authenticate(credentials("alice", "wrong"))));
            }
            Thread.sleep(300);
            gate.countDown();
            for (Future<Authentication> answer : answers) {
                assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(BadCredentialsException.class);
            }
            assertThat(encoder.checks()).isEqualTo(4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNegativeTimeToLiveIsRefused() {
        assertThatThrownBy(() -> manager(Duration.ofSeconds(-1), 1000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private ProviderManager manager(Duration ttl, int maximumSize) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(encoder);
        return new ProviderManager(new CachingBasicAuthenticationProvider(bcrypt, users, ttl, maximumSize,
                nanos::get, meters));
    }

    private UserDetails user(String name, String password, String role) {
        return User.withUsername(name).password(encoder.encode(password)).roles(role).build();
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private static UsernamePasswordAuthenticationToken credentials(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    /** Counts password checks, i.e. BCrypt runs; encoding (to set up users) is not counted. */
    private static final class CountingEncoder implements PasswordEncoder {
        private final PasswordEncoder delegate;
        private final AtomicInteger checks = new AtomicInteger();
        /** While set, a check waits for it to open: a slow BCrypt that other requests arrive during. */
        private volatile CountDownLatch gate;

        CountingEncoder(PasswordEncoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return delegate.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            CountDownLatch closed = gate;
            if (closed != null) {
                try {
                    closed.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return delegate.matches(rawPassword, encodedPassword);
        }

        int checks() {
            return checks.get();
        }
    }
}
