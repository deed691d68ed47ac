package myelin.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The dependency direction of the design: frontend -> ir; passes -> ir; backends -> ir,
 * passes; simulator -> ir; the API (what the CLI, the Maven plugin and the JUnit artifact call)
 * on top of those, and the CLI on top of everything. Layers not written yet are optional.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("myelin");

    @Test
    void layersDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("ir").definedBy("myelin.ir..")
                .layer("frontend").definedBy("myelin.frontend..")
                .layer("passes").definedBy("myelin.passes..")
                .layer("backends").definedBy("myelin.backends..")
                .layer("simulator").definedBy("myelin.simulator..")
                .layer("api").definedBy("myelin.api..")
                .layer("cli").definedBy("myelin.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("api").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("frontend").mayOnlyBeAccessedByLayers("api", "cli")
                .whereLayer("backends").mayOnlyBeAccessedByLayers("api", "cli")
                .whereLayer("simulator").mayOnlyBeAccessedByLayers("api", "cli")
                .whereLayer("passes").mayOnlyBeAccessedByLayers("backends", "api", "cli")
                .whereLayer("ir").mayOnlyBeAccessedByLayers("frontend", "passes", "backends", "simulator", "api", "cli")
                .check(MAIN);
    }
}
