package io.homeshield;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Features own their ports; adapters and web layers depend on features, never the other way round. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.homeshield");

    private static final String[] FEATURES = { "io.homeshield.household..", "io.homeshield.inventory..",
            "io.homeshield.telemetry..", "io.homeshield.intel..", "io.homeshield.detection..",
            "io.homeshield.alert..", "io.homeshield.enforcement..", "io.homeshield.audit..", "io.homeshield.net.." };

    @Test
    void featuresNeverImportRouterAdapters() {
        noClasses().that().resideInAnyPackage(FEATURES)
                .should().dependOnClassesThat().resideInAPackage("io.homeshield.routers..")
                .check(CLASSES);
    }

    @Test
    void featuresNeverImportWebLayers() {
        noClasses().that().resideInAnyPackage(FEATURES)
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.homeshield.portal..", "io.homeshield.admin..", "io.homeshield.api..",
                        "io.homeshield.provisioning..")
                .check(CLASSES);
    }

    @Test
    void nothingButTheSimulatorDependsOnTheSimulator() {
        noClasses().that().resideOutsideOfPackage("io.homeshield.simulator..")
                .should().dependOnClassesThat().resideInAPackage("io.homeshield.simulator..")
                .check(CLASSES);
    }
}
