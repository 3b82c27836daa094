package io.pipelens.command;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.pipelens.command.importing.DealImporter;
import io.pipelens.command.importing.ImportCli;
import io.pipelens.command.importing.ImportMapping;
import io.pipelens.command.importing.ImportOptions;
import io.pipelens.command.importing.ImportProblem;
import io.pipelens.command.importing.ImportProgress;
import io.pipelens.command.importing.ImportRejectedException;
import io.pipelens.command.importing.ImportSummary;

/**
 * Importing is a bounded package: callers import through {@link DealImporter} with the records of its API, and see
 * nothing of how a file is read, interpreted, checked and recorded. The command-line client {@link ImportCli} is public
 * only so that it can be run; it talks to a running service over HTTP.
 */
@AnalyzeClasses(packages = "io.pipelens", importOptions = ImportOption.DoNotIncludeTests.class)
class ImportingBoundaryTest {

    private static final String IMPORTING = "io.pipelens.command.importing..";
    private static final Class<?>[] API = {DealImporter.class, ImportOptions.class, ImportMapping.class,
        ImportProgress.class, ImportSummary.class, ImportProblem.class, ImportRejectedException.class};

    @ArchTest
    static final ArchRule callersUseTheEntryPointAndItsRecordsOnly = noClasses()
            .that().resideOutsideOfPackage(IMPORTING)
            .should().dependOnClassesThat(resideInAPackage(IMPORTING).and(belongToAnyOf(API).negate()))
            .because("the importer's entry point is DealImporter; everything else is how it works");

    @ArchTest
    static final ArchRule onlyTheEntryPointItsRecordsAndTheProgramArePublic = noClasses()
            .that().resideInAPackage(IMPORTING).and(belongToAnyOf(API).or(belongToAnyOf(ImportCli.class)).negate())
            .should().bePublic()
            .because("a public type of the importer is a promise to every caller");
}
