package io.pipelens.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Each package under {@code io.pipelens.query} is a feature slice. Slices may build on one another, but never in a
 * cycle: a cycle makes two features one, which can be neither understood nor changed alone. What several slices share
 * lives in the package that owns it (the journeys in {@code deal}), in the root package or in the kernel.
 *
 * <p>The analytics are slices too, one package per feature under {@code analytics}; what they share (the analytic
 * index, populations, filters, the request every query answers) is the {@code analytics} package itself, which knows
 * none of them.
 */
@AnalyzeClasses(packages = "io.pipelens.query", importOptions = ImportOption.DoNotIncludeTests.class)
class SliceDependencyRulesTest {

    @ArchTest
    static final ArchRule featureSlicesAreFreeOfCycles = slices().matching("io.pipelens.query.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule analyticsFeaturesAreFreeOfCycles = slices().matching("io.pipelens.query.analytics.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule sharedAnalyticsKnowNoFeature = noClasses().that()
            .resideInAPackage("io.pipelens.query.analytics")
            .should().dependOnClassesThat().resideInAPackage("io.pipelens.query.analytics.*..")
            .because("a feature builds on the analytic index, never the other way round");
}
