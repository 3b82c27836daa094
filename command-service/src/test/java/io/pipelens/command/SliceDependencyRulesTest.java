package io.pipelens.command;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Each package under {@code io.pipelens.command} is a feature slice. Slices may build on one another, but never in a
 * cycle: a cycle makes two features one, which can be neither understood nor changed alone. What several slices share
 * lives in the root package or the kernel.
 */
@AnalyzeClasses(packages = "io.pipelens.command", importOptions = ImportOption.DoNotIncludeTests.class)
class SliceDependencyRulesTest {

    @ArchTest
    static final ArchRule featureSlicesAreFreeOfCycles = slices().matching("io.pipelens.command.(*)..")
            .should().beFreeOfCycles();
}
