package io.pipelens.kernel;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.ANNOTATIONS;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.sql.Timestamp;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.junit.jupiter.api.Test;

/**
 * The kernel is shared by both services and by every event ever stored, so it stays plain Java: records, value objects
 * and the few annotations that describe messages. Both rules are checked: the deny-list names what must never come in
 * and gives the clearer message; the allow-list also catches what nobody thought of denying.
 */
@AnalyzeClasses(packages = "io.pipelens.kernel", importOptions = ImportOption.DoNotIncludeTests.class)
class KernelDependencyRulesTest {

    @ArchTest
    static final ArchRule kernelUsesNoSpringPersistenceOrMongo = noClasses()
            .that().resideInAPackage("io.pipelens.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "javax.persistence..", "com.mongodb..", "org.bson..", "java.sql..")
            .because("commands and events are plain records shared by both services; "
                    + "frameworks and storage belong in the services");

    @ArchTest
    static final ArchRule kernelDependsOnlyOnJavaAndMessageAnnotations = classes()
            .that().resideInAPackage("io.pipelens.kernel..")
            .should().onlyDependOnClassesThat(resideInAnyPackage("io.pipelens.kernel..", "java..",
                            "com.fasterxml.jackson.annotation..")
                    .or(ANNOTATIONS.and(resideInAnyPackage("org.axonframework.modelling..",
                            "org.axonframework.serialization..", "org.axonframework.messaging.."))))
            .because("the kernel may describe messages with Axon and Jackson annotations, but use no framework code "
                    + "(Jackson's annotation package holds only annotations and the enums of their members)");

    @Test
    void denyListCatchesPersistenceType() {
        JavaClasses offender = new ClassFileImporter().importClasses(StoresTimestamp.class);

        assertThatThrownBy(() -> kernelUsesNoSpringPersistenceOrMongo.check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("java.sql.Timestamp");
    }

    @Test
    void allowListCatchesFrameworkCodeBesideAllowedAnnotations() {
        JavaClasses offender = new ClassFileImporter().importClasses(AppliesEvents.class);

        assertThatThrownBy(() -> kernelDependsOnlyOnJavaAndMessageAnnotations.check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(AggregateLifecycle.class.getName());
    }

    /** A kernel class as it must not be: it depends on a JDBC type. */
    record StoresTimestamp(Timestamp at) {
    }

    /** A kernel class as it must not be: it calls Axon's aggregate lifecycle. */
    static final class AppliesEvents {

        void apply(Object event) {
            AggregateLifecycle.apply(event);
        }
    }
}
