package io.homeshield;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The layout's rules, checked on every build: each top-level package has a place, features own their
 * ports, web layers and adapters depend on features and never the other way round, web layers never
 * lean on one another, and no package cycle ties the whole together. docs/architecture.md says each
 * rule in a sentence.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.homeshield");

    /** Features: the product's own rules and data. */
    private static final String[] FEATURES = { "io.homeshield.household..", "io.homeshield.activity..",
            "io.homeshield.inventory..", "io.homeshield.telemetry..", "io.homeshield.intel..",
            "io.homeshield.detection..", "io.homeshield.alert..", "io.homeshield.enforcement..",
            "io.homeshield.audit..", "io.homeshield.fleet..", "io.homeshield.lifecycle..",
            "io.homeshield.notification..", "io.homeshield.webhook.." };

    /**
     * Shared kernel every layer may use: typed network values, the routers' telemetry records (the events
     * the pipeline takes in and the detectors and adapters read), technical support.
     */
    private static final String[] KERNEL = { "io.homeshield.net..", "io.homeshield.wire..", "io.homeshield.infra.." };

    /** Web layers: the subscriber portal, staff pages, the mobile API, the provider's provisioning API. */
    private static final String[] WEB = { "io.homeshield.portal..", "io.homeshield.admin..", "io.homeshield.api..",
            "io.homeshield.provisioning.." };

    /** What web layers share (the page's language, staff roles); it depends on no web layer. */
    private static final String WEB_SUPPORT = "io.homeshield.web..";

    /** Adapters of the features' ports to the routers' management channels. */
    private static final String ADAPTERS = "io.homeshield.routers..";

    /** Demo households and scenarios; nothing else uses it. */
    private static final String SIMULATOR = "io.homeshield.simulator..";

    /** The Panache calls that run a query. */
    private static final Set<String> PANACHE_QUERIES = Set.of("find", "findAll", "findById", "findByIdOptional",
            "list", "listAll", "stream", "streamAll", "count", "delete", "deleteAll", "deleteById", "update",
            "getEntityManager", "getSession", "persist", "persistAndFlush", "flush");

    @Test
    void everyTopLevelPackageHasItsPlace() {
        String[] all = Stream.of(Stream.of(FEATURES), Stream.of(KERNEL), Stream.of(WEB),
                Stream.of(WEB_SUPPORT, ADAPTERS, SIMULATOR)).flatMap(s -> s).toArray(String[]::new);
        classes().should().resideInAnyPackage(all)
                .because("a new top-level package is placed in this test (feature, kernel, web, adapter) before"
                        + " it is used")
                .check(CLASSES);
    }

    @Test
    void featuresNeverImportRouterAdapters() {
        noClasses().that().resideInAnyPackage(FEATURES)
                .should().dependOnClassesThat().resideInAPackage(ADAPTERS)
                .check(CLASSES);
    }

    @Test
    void featuresNeverImportWebLayers() {
        noClasses().that().resideInAnyPackage(FEATURES)
                .should().dependOnClassesThat().resideInAnyPackage(WEB)
                .orShould().dependOnClassesThat().resideInAPackage(WEB_SUPPORT)
                .check(CLASSES);
    }

    @Test
    void theKernelImportsNoFeatureNorLayer() {
        noClasses().that().resideInAnyPackage(KERNEL)
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .orShould().dependOnClassesThat().resideInAnyPackage(WEB)
                .orShould().dependOnClassesThat().resideInAnyPackage(WEB_SUPPORT, ADAPTERS, SIMULATOR)
                .check(CLASSES);
    }

    @Test
    void typedNetworkValuesImportNothingOfTheProject() {
        noClasses().that().resideInAPackage("io.homeshield.net..")
                .should().dependOnClassesThat(resideInAPackage("io.homeshield..")
                        .and(resideOutsideOfPackage("io.homeshield.net..")))
                .check(CLASSES);
    }

    @Test
    void webSupportImportsNoWebLayer() {
        noClasses().that().resideInAPackage(WEB_SUPPORT)
                .should().dependOnClassesThat().resideInAnyPackage(WEB)
                .check(CLASSES);
    }

    @Test
    void webLayersNeverImportOneAnother() {
        slices().assignedFrom(WEB_LAYERS).should().notDependOnEachOther().check(CLASSES);
    }

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        slices().matching("io.homeshield.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void resourcesNeverRunQueriesThemselves() {
        noClasses().that().areAnnotatedWith(Path.class).and().areNotInterfaces()
                .should().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .orShould().dependOnClassesThat().areAssignableTo(DataSource.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.quarkus.hibernate.orm.panache.Panache")
                .orShould().callMethodWhere(PANACHE_QUERY)
                .because("a resource reads through its feature's *Queries and writes through its feature's service")
                .check(CLASSES);
    }

    @Test
    void adaptersAreReachedOnlyThroughTheirPorts() {
        noClasses().that().resideOutsideOfPackages(ADAPTERS, SIMULATOR)
                .should().dependOnClassesThat().resideInAPackage(ADAPTERS)
                .because("a router is reached through the features' ports (RouterControl and its capabilities,"
                        + " ManagementLogins), never an adapter's class")
                .check(CLASSES);
    }

    @Test
    void theSimulatorDrivesOnlyTheSimulatedRouters() {
        noClasses().that().resideInAPackage(SIMULATOR)
                .should().dependOnClassesThat(resideInAPackage(ADAPTERS)
                        .and(resideOutsideOfPackage("io.homeshield.routers.simulated..")))
                .check(CLASSES);
    }

    @Test
    void nothingButTheSimulatorDependsOnTheSimulator() {
        noClasses().that().resideOutsideOfPackage(SIMULATOR)
                .should().dependOnClassesThat().resideInAPackage(SIMULATOR)
                .check(CLASSES);
    }

    private static final DescribedPredicate<JavaMethodCall> PANACHE_QUERY = describe(
            "a Panache query method of an entity", call -> PANACHE_QUERIES.contains(call.getName())
                    && call.getTargetOwner().isAssignableTo(PanacheEntityBase.class));

    /** Each web layer, and any feature's own pages ({@code <feature>.web}), is a slice; other classes are none. */
    private static final SliceAssignment WEB_LAYERS = new SliceAssignment() {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            for (String layer : new String[] { "portal", "admin", "api", "provisioning" }) {
                if (name.equals("io.homeshield." + layer) || name.startsWith("io.homeshield." + layer + ".")) {
                    return SliceIdentifier.of(layer);
                }
            }
            String[] parts = name.split("\\.");
            if (name.startsWith("io.homeshield.") && parts.length >= 4 && parts[3].equals("web")) {
                return SliceIdentifier.of(parts[2] + ".web");
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "web layers (portal, admin, api, provisioning, each feature's web package)";
        }
    };
}
