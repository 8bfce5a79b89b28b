package com.engagementledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.LedgerApplication;
import com.engagementledger.support.Api;
import com.engagementledger.support.TestDataDirs;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The OAuth2 resource-server mode: bearer JWTs signed by the configured key, roles from the roles claim, the token's
 * user as the actor in event metadata; anything unsigned, expired or signed by another key is a 401.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class JwtModeHttpTest {

    private static final KeyPair KEYS = rsa();
    private static final KeyPair OTHER_KEYS = rsa();
    private static final Path DATA_DIR = TestDataDirs.create("jwt");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void jwtMode(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DATA_DIR::toString);
        registry.add("ledger.security.mode", () -> "JWT");
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> "engagement-ledger");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> "file:" + publicKeyFile());
    }

    @Test
    void aManagersTokenProposesAndTheTokenUserIsTheActor() throws Exception {
        Api.Response created = new Api(port).anonymous()
                .header("Authorization", "Bearer " + token(KEYS, "alice", List.of("ACCOUNT_MANAGER"), 300))
                .post("/api/engagements", proposal());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        byte[] metadata = jdbc.queryForObject(
                "SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ?", byte[].class, id);
        Map<?, ?> meta = new ObjectMapper().readValue(metadata, Map.class);
        assertThat(meta.get("actor")).as("the token's subject").isEqualTo("sub-alice");
        assertThat(meta.get("roles")).isEqualTo(List.of("ACCOUNT_MANAGER"));
    }

    @Test
    void anAuditorsTokenReadsButCannotChange() {
        String auditor = token(KEYS, "bob", List.of("AUDITOR"), 300);
        assertThat(new Api(port).anonymous().header("Authorization", "Bearer " + auditor)
                .get("/api/engagements").status()).isEqualTo(200);
        assertThat(new Api(port).anonymous().header("Authorization", "Bearer " + auditor)
                .post("/api/engagements", proposal()).status()).isEqualTo(403);
    }

    @Test
    void missingExpiredForeignMisaddressedAndBasicCredentialsAreRefused() {
        Api api = new Api(port);
        Api.Response anonymous = api.anonymous().get("/api/engagements");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        Api.Response expired = api.anonymous().header("Authorization", "Bearer "
                + token(KEYS, "carol", List.of("AUDITOR"), -60)).get("/api/engagements");
        assertThat(expired.header("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
        assertThat(expired.contentType()).startsWith("application/problem+json");
        assertThat(api.anonymous().header("Authorization", "Bearer "
                + token(KEYS, "carol", List.of("AUDITOR"), -60)).get("/api/engagements").status()).isEqualTo(401);
        assertThat(api.anonymous().header("Authorization", "Bearer "
                + token(OTHER_KEYS, "mallory", List.of("ADMIN"), 300)).get("/api/engagements").status())
                .isEqualTo(401);
        assertThat(api.as("manager").get("/api/engagements").status()).isEqualTo(401);
        assertThat(api.anonymous().header("Authorization", "Bearer "
                + token(KEYS, "dave", List.of("ADMIN"), 300, "another-service")).get("/api/engagements").status())
                .as("a token meant for another service").isEqualTo(401);
    }

    private static Map<String, Object> proposal() {
        return Map.of("clientId", "jwt-client", "clientName", "JWT Client", "roleTitle", "Engineer",
                "currency", "EUR", "billingModel", "HOURLY",
                "seats", List.of(Map.of("professionalId", "p1", "professionalName", "Pat", "rate", 80,
                        "startDate", LocalDate.now().toString())));
    }

    private static String token(KeyPair keys, String user, List<String> roles, long secondsValid) {
        return token(keys, user, roles, secondsValid, "engagement-ledger");
    }

    private static String token(KeyPair keys, String user, List<String> roles, long secondsValid, String audience) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .subject("sub-" + user)
                    .claim("preferred_username", user)
                    .claim("roles", roles)
                    .audience(audience)
                    .issueTime(Date.from(now.minusSeconds(120)))
                    .expirationTime(Date.from(now.plusSeconds(secondsValid)))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path publicKeyFile() {
        try {
            Path file = DATA_DIR.resolve("jwt-public.pem");
            if (!Files.exists(file)) {
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(file, pem);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
