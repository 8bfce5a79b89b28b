package com.engagementledger.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.eventhandling.EventHandler;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.serialization.Revision;

/**
 * The package rules of DESIGN.md §7: the api of a feature is plain records free of Spring and MongoDB; the command
 * side never reads the query side and the query side never reaches into the command side; nothing but web code
 * depends on web code; the platform knows no feature, and features know each other's api only; every handled event
 * has a revision; nothing but {@code platform.time} reads a clock; invoicing never touches floating point.
 */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ROOT = "com.engagementledger";

    /** The clock factories of java.time that read the system clock. */
    private static final Set<String> CLOCK_FACTORIES = Set.of("systemUTC", "systemDefaultZone", "system",
            "tickMillis", "tickSeconds", "tickMinutes");

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
            .or().areAnnotatedWith(SagaEventHandler.class)
            .should(new ArchCondition<JavaMethod>("take an event annotated with @Revision") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    JavaClass event = method.getRawParameterTypes().get(0);
                    // A handler of the message itself (the audit index) reads no payload schema.
                    if (event.isAssignableTo(org.axonframework.messaging.Message.class)) {
                        return;
                    }
                    if (!event.isAnnotatedWith(Revision.class)) {
                        events.add(SimpleConditionEvent.violated(method, event.getName() + " handled by "
                                + method.getFullName() + " has no @Revision"));
                    }
                }
            })
            .because("schema changes of stored events go through upcasters keyed by revision; a handler of the"
                    + " message itself reads no payload schema");

    @ArchTest
    static final ArchRule nothingReadsTheSystemClock = noClasses().that()
            .resideOutsideOfPackage("com.engagementledger.platform.time..")
            .should().accessTargetWhere(new DescribedPredicate<JavaAccess<?>>("read a clock of its own") {
                @Override
                public boolean test(JavaAccess<?> access) {
                    String owner = access.getTarget().getOwner().getName();
                    String name = access.getTarget().getName();
                    return owner.startsWith("java.time.") && name.equals("now")
                            || owner.equals("java.time.Clock") && CLOCK_FACTORIES.contains(name)
                            || owner.equals("java.lang.System") && name.equals("currentTimeMillis");
                }
            })
            .because("time comes from the one injectable Clock (DESIGN.md §4); platform.time.Today gives its date");

    @ArchTest
    static final ArchRule platformKnowsNoFeature = noClasses().that()
            .resideInAPackage("com.engagementledger.platform..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(ROOT + "..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(ROOT + ".platform.."))))
            .because("every feature builds on the platform; a platform that knew one could not serve the next");

    @ArchTest
    static final ArchRule featuresMeetOnlyThroughTheirApi = featuresMeetOnlyThroughTheirApi(ROOT);

    @ArchTest
    static final ArchRule noFloatingPointInInvoicing = noFloatingPointIn(ROOT + ".invoicing");

    @ArchTest
    static final ArchRule demoDataUsesFeaturesThroughTheirApi = noClasses().that().resideInAPackage(ROOT + ".demo..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + "..command..", ROOT + "..query..",
                    ROOT + "..web..")
            .because("demo data is seeded through the commands a user would send");

    /**
     * A class of a feature (a package right under {@code root}, other than {@code platform} and {@code demo}) uses
     * another feature's {@code api} package only, and never the demo data.
     */
    static ArchRule featuresMeetOnlyThroughTheirApi(String root) {
        return classes().should(new ArchCondition<JavaClass>("use other features only through their api") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String own = feature(root, javaClass);
                if (own == null) {
                    return;
                }
                for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    String other = feature(root, target);
                    boolean demo = target.getPackageName().equals(root + ".demo")
                            || target.getPackageName().startsWith(root + ".demo.");
                    boolean foreign = other != null && !other.equals(own)
                            && !(target.getPackageName() + ".").startsWith(root + "." + other + ".api.");
                    if (demo || foreign) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        }).because("a feature may change its command, query and web sides without the others noticing");
    }

    /**
     * No class under {@code pkg} holds, takes, returns or calls anything typed {@code float} or {@code double}
     * (boxed or not): {@code BigDecimal.valueOf(double)}, {@code doubleValue()} and {@code Math.round} count too.
     * Arithmetic on a local variable that never crosses a call or a field is invisible to bytecode analysis; such a
     * value has to come from somewhere, and that is a call or a field this rule sees.
     */
    static ArchRule noFloatingPointIn(String pkg) {
        return classes().that().resideInAPackage(pkg + "..")
                .should(new ArchCondition<JavaClass>("use no floating point") {
                    @Override
                    public void check(JavaClass javaClass, ConditionEvents events) {
                        javaClass.getFields().stream().filter(field -> floating(field.getRawType()))
                                .forEach(field -> events.add(SimpleConditionEvent.violated(field,
                                        field.getFullName() + " is floating point")));
                        for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
                            if (floating(unit.getRawReturnType())
                                    || unit.getRawParameterTypes().stream().anyMatch(ArchitectureTest::floating)) {
                                events.add(SimpleConditionEvent.violated(unit, unit.getFullName()
                                        + " takes or returns floating point"));
                            }
                            for (JavaAccess<?> access : unit.getAccessesFromSelf()) {
                                if (floatingTarget(access.getTarget())) {
                                    events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                                }
                            }
                        }
                    }
                })
                .allowEmptyShould(true)
                .because("money is BigDecimal in the currency's minor unit; a binary fraction cannot hold 0.10");
    }

    private static boolean floatingTarget(AccessTarget target) {
        if (floating(target.getOwner())) {
            return true;
        }
        if (target instanceof AccessTarget.FieldAccessTarget field) {
            return floating(field.getRawType());
        }
        if (target instanceof AccessTarget.CodeUnitCallTarget call) {
            return floating(call.getRawReturnType()) || call.getRawParameterTypes().stream()
                    .anyMatch(ArchitectureTest::floating);
        }
        return false;
    }

    private static boolean floating(JavaClass type) {
        String name = type.getBaseComponentType().getName();
        return name.equals("float") || name.equals("double") || name.equals(Float.class.getName())
                || name.equals(Double.class.getName());
    }

    private static String feature(String root, JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        if (!pkg.startsWith(root + ".")) {
            return null;
        }
        String first = pkg.substring(root.length() + 1).split("\\.")[0];
        return first.equals("platform") || first.equals("demo") ? null : first;
    }
}
