package com.engagementledger.platform.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;

/**
 * No request waits for ever: web code sends commands and queries only through {@link Gateways}, which waits with a
 * timeout, and no code anywhere waits on a future without one.
 */
@AnalyzeClasses(packages = "com.engagementledger", importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayTimeoutRulesTest {

    @ArchTest
    static final ArchRule webCodeUsesTheGatewaysHelper = noClasses()
            .that().resideInAPackage("com.engagementledger..web..")
            .and().doNotHaveFullyQualifiedName(Gateways.class.getName())
            .should().dependOnClassesThat().belongToAnyOf(CommandGateway.class, QueryGateway.class);

    @ArchTest
    static final ArchRule noWaitWithoutATimeout = noClasses()
            .should().callMethod(CompletableFuture.class, "join")
            .orShould().callMethod(CompletableFuture.class, "get")
            .orShould().callMethod(Future.class, "get");
}
