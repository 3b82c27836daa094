package io.pipelens.query.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.ClassesShouldConjunction;
import org.junit.jupiter.api.Test;

/**
 * The audit is pure Java over the kernel's stage definitions, so it can be unit-tested and reused (by the command
 * service before a definition is stored, say) without Spring or MongoDB. Only its GraphQL controller may know them.
 */
class AuditDependencyRulesTest {

    private static final JavaClasses AUDIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.pipelens.query.audit");

    private static ClassesShouldConjunction plainJava() {
        return classes().that().resideInAPackage("io.pipelens.query.audit")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.pipelens.query.audit..", "io.pipelens.kernel..", "java..");
    }

    static final ArchRule auditLogicIsPlainJava = classes()
            .that().resideInAPackage("io.pipelens.query.audit")
            .and().doNotHaveSimpleName(PipelineAuditQueries.class.getSimpleName())
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("io.pipelens.query.audit..", "io.pipelens.kernel..", "java..")
            .because("the audit reads stage definitions and nothing else; Spring and MongoDB stay in its controller");

    @Test
    void auditLogicDependsOnlyOnJavaAndTheKernel() {
        auditLogicIsPlainJava.check(AUDIT);
    }

    @Test
    void theRuleWouldCatchTheControllersSpringAndMongo() {
        assertThatThrownBy(() -> plainJava().check(AUDIT))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.springframework.data.mongodb.core.MongoTemplate");
    }
}
