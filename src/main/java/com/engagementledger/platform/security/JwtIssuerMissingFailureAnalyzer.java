package com.engagementledger.platform.security;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Explains a JWT-mode start-up that has nothing to check tokens against: Spring Boot creates the JWT decoder only
 * from an issuer URI (or a key set or public key), and without one the security configuration finds no decoder.
 * Ordered first, so that it speaks before Spring Boot's generic "consider defining a bean" analysis.
 */
public class JwtIssuerMissingFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException>
        implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
        if (cause.getBeanType() == null || !JwtDecoder.class.isAssignableFrom(cause.getBeanType())) {
            return null;
        }
        return new FailureAnalysis(
                "JWT mode (the jwt profile, or ledger.security.mode=JWT) cannot check tokens: no token issuer is "
                        + "configured (LEDGER_JWT_ISSUER_URI, i.e. spring.security.oauth2.resourceserver.jwt"
                        + ".issuer-uri, is empty).",
                "Set LEDGER_JWT_ISSUER_URI to your authorization server's issuer, the 'iss' of its tokens "
                        + "(e.g. https://login.example.com/realms/ledger); its keys are found from there. Or give "
                        + "the keys directly with spring.security.oauth2.resourceserver.jwt.jwk-set-uri or "
                        + ".public-key-location. Or start without the jwt profile to use HTTP Basic users.",
                cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
