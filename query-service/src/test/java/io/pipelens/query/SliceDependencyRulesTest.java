package io.pipelens.query;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Each package under {@code io.pipelens.query} is a feature slice. Slices may build on one another, but never in a
 * cycle: a cycle makes two features one, which can be neither understood nor changed alone. What several slices share
 * lives in the package that owns it (the journeys in {@code deal}), in the root package or in the kernel.
 */
@AnalyzeClasses(packages = "io.pipelens.query", importOptions = ImportOption.DoNotIncludeTests.class)
class SliceDependencyRulesTest {

    @ArchTest
    static final ArchRule featureSlicesAreFreeOfCycles = slices().matching("io.pipelens.query.(*)..")
            .should().beFreeOfCycles();
}
