package com.engagementledger.platform.security;

import com.engagementledger.platform.config.LedgerProperties;
import com.engagementledger.platform.web.ApiPaths;
import com.engagementledger.platform.web.ProblemResponses;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Who may do what. Every request but the documentation and health needs an authenticated caller; which roles may
 * call an endpoint is declared with {@code @RolesAllowed} on its controller and enforced by
 * {@link DeclaredRolesInterceptor}. Anonymous callers get a 401 with a {@code WWW-Authenticate} challenge and
 * forbidden ones a 403, both as problem documents.
 *
 * <p>BASIC mode authenticates against users from configuration with BCrypt hashes, remembering a verified password
 * briefly so that BCrypt does not run on every request (ADR 0039); there is no built-in user, so a production start
 * without configured users lets nobody in. JWT mode is an OAuth2 resource server whose roles come
 * from a configurable claim.
 *
 * <p>Two filter chains (ADR 0041): the API's ({@link ApiPaths}: {@code /api}, Actuator, the OpenAPI documents) is
 * stateless, without CSRF (no cookie authenticates it) and never redirects; the browser console's, everything else,
 * signs in with a form against the same users, keeps the sign-in in a session and protects its forms with CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    static final String REALM = "engagement-ledger";
    static final String BASIC_CHALLENGE = "Basic realm=\"" + REALM + "\"";
    static final String BEARER_CHALLENGE = "Bearer realm=\"" + REALM + "\"";

    @Bean
    @Order(1)
    public SecurityFilterChain apiSecurity(HttpSecurity http, LedgerProperties properties, ProblemResponses problems)
            throws Exception {
        boolean jwt = properties.security().mode() == LedgerProperties.AuthenticationMode.JWT;
        AuthenticationEntryPoint challenge = (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, jwt ? BEARER_CHALLENGE : BASIC_CHALLENGE);
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    jwt ? "Send a bearer token to use this API." : "Send HTTP Basic credentials to use this API.");
        };
        http.securityMatcher(ApiPaths::isApi)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // which role may call an endpoint is declared on its controller (@RolesAllowed, ADR 0015); here
                // only who must be authenticated at all
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(challenge)
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "Forbidden",
                                "Your roles do not allow " + request.getMethod() + " "
                                        + com.engagementledger.platform.web.Echo.value(request.getRequestURI()))));
        if (jwt) {
            BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
            bearer.setRealmName(REALM);
            http.oauth2ResourceServer(server -> server
                    .authenticationEntryPoint((request, response, e) -> {
                        // the standard challenge names what was wrong with the token (RFC 6750 §3)
                        bearer.commence(request, response, e);
                        problems.write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required",
                                "Send a valid bearer token to use this API.");
                    })
                    .jwt(tokens -> tokens.jwtAuthenticationConverter(
                            new RolesClaimConverter(properties.security().rolesClaim()))));
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required",
                        "Send valid HTTP Basic credentials to use this API.");
            }));
        }
        return http.build();
    }

    /**
     * The browser console: a sign-in form at {@code /login} checked by the same authentication provider as HTTP Basic
     * (the configured users and their roles), a session (a new id at sign-in), CSRF tokens on every form (Thymeleaf
     * adds them to {@code th:action} forms), sign-out by POST. Which role may open a page is declared on its
     * controller, as for the API. Anything else than the sign-in page, the style sheet and the scripts needs a
     * signed-in user; others are sent to the sign-in page.
     */
    @Bean
    @Order(2)
    public SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        // the page a signed-out user asked for, opened again after sign-in without a marker in its address
        HttpSessionRequestCache requests = new HttpSessionRequestCache();
        requests.setMatchingRequestParameterName(null);
        requests.setSessionAttrName(ConsoleSignIn.SESSION_ATTRIBUTE);
        // htmx requests and forms refused for their CSRF token get answers of their own, not a redirect or "role"
        ConsoleSignIn signIn = new ConsoleSignIn();
        http.requestCache(cache -> cache.requestCache(requests))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/console.css", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(signIn.entryPoint())
                        .accessDeniedHandler(signIn.accessDenied()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
                                + " frame-ancestors 'none'; form-action 'self'; base-uri 'self'")));
        return http.build();
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * HTTP Basic's one authentication provider: BCrypt against the configured users, behind a short-lived cache of
     * verified passwords (ADR 0039). As a bean it replaces the provider Spring Boot would build from a
     * {@code UserDetailsService} bean, which is why the configured users are not one.
     */
    @Bean
    public AuthenticationProvider basicAuthentication(LedgerProperties properties, PasswordEncoder passwordEncoder,
            MeterRegistry meters) {
        UserDetailsService users = configuredUsers(properties);
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(passwordEncoder);
        LedgerProperties.CredentialCache cache = properties.security().credentialCache();
        return new CachingBasicAuthenticationProvider(bcrypt, users, cache.ttl(), cache.maximumSize(),
                Ticker.systemTicker(), meters);
    }

    private static UserDetailsService configuredUsers(LedgerProperties properties) {
        List<UserDetails> users = properties.security().users().stream()
                .map(user -> User.withUsername(user.username())
                        .password(user.passwordHash())
                        .roles(user.roles().toArray(String[]::new))
                        .build())
                .toList();
        if (users.isEmpty() && properties.security().mode() == LedgerProperties.AuthenticationMode.BASIC) {
            log.warn("No users are configured (ledger.security.users): nobody can sign in. "
                    + "Configure users with BCrypt hashes, use JWT mode, or start with the demo profile.");
        }
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(users);
        // Only a UserDetailsService, not the manager itself: as a UserDetailsPasswordService it would re-hash a
        // configured password of a lower BCrypt cost at every request, which cannot be written back to configuration.
        return manager::loadUserByUsername;
    }

    /** Maps a JWT's roles claim (a list or a space-separated string) to Spring roles; the subject is the actor. */
    static final class RolesClaimConverter implements Converter<Jwt, AbstractAuthenticationToken> {
        private final String claim;

        RolesClaimConverter(String claim) {
            this.claim = claim;
        }

        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            Object value = jwt.getClaims().get(claim);
            Collection<String> roles = value instanceof Collection<?> list
                    ? list.stream().map(String::valueOf).toList()
                    : value instanceof String text ? List.of(text.split("\\s+")) : List.of();
            List<GrantedAuthority> authorities = roles.stream()
                    .filter(role -> !role.isBlank())
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                    .toList();
            // the subject: unique and stable at its issuer, where preferred_username is neither
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        }
    }
}
