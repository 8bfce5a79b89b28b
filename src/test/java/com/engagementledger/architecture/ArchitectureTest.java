package com.engagementledger.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.Revision;

/**
 * The package rules of DESIGN.md §7: the api of a feature is plain records free of Spring and MongoDB; the command
 * side never reads the query side and the query side never reaches into the command side; nothing but web code
 * depends on web code.
 */
@AnalyzeClasses(packages = "com.engagementledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule apiIsFreeOfSpringAndMongo = noClasses().that().resideInAPackage("com.engagementledger..api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                    "org.bson..", "jakarta.persistence..");

    @ArchTest
    static final ArchRule apiDependsOnNoOtherLayer = noClasses().that().resideInAPackage("com.engagementledger..api..")
            .should().dependOnClassesThat().resideInAnyPackage("com.engagementledger..command..", "com.engagementledger..query..",
                    "com.engagementledger..web..");

    @ArchTest
    static final ArchRule commandNeverImportsQuery = noClasses().that().resideInAPackage("com.engagementledger..command..")
            .should().dependOnClassesThat().resideInAPackage("com.engagementledger..query..");

    @ArchTest
    static final ArchRule queryNeverImportsCommand = noClasses().that().resideInAPackage("com.engagementledger..query..")
            .should().dependOnClassesThat().resideInAPackage("com.engagementledger..command..");

    @ArchTest
    static final ArchRule commandAndQueryKnowNoWeb = noClasses().that().resideInAnyPackage("com.engagementledger..command..",
                    "com.engagementledger..query..")
            .should().dependOnClassesThat().resideInAPackage("com.engagementledger..web..");

    @ArchTest
    static final ArchRule everyHandledEventHasARevision = methods()
            .that().areAnnotatedWith(EventSourcingHandler.class).or().areAnnotatedWith(EventHandler.class)
            .should(new ArchCondition<JavaMethod>("take an event annotated with @Revision") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    JavaClass event = method.getRawParameterTypes().get(0);
                    if (!event.isAnnotatedWith(Revision.class)) {
                        events.add(SimpleConditionEvent.violated(method, event.getName() + " handled by "
                                + method.getFullName() + " has no @Revision"));
                    }
                }
            })
            .because("schema changes of stored events go through upcasters keyed by revision");

    @ArchTest
    static final ArchRule nothingReadsTheSystemClock = noClasses().that().resideOutsideOfPackage("..platform.time..")
            .should().callMethod(java.time.Clock.class, "systemUTC")
            .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
            .orShould().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now")
            .because("time comes from the one injectable Clock (DESIGN.md §4)");
}
