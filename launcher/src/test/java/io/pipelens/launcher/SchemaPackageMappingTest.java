package io.pipelens.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.data.method.annotation.SchemaMapping;

/**
 * From a GraphQL field to its code in one step, in both services: every schema file {@code graphql/<service>/<path>
 * .graphqls} is answered by the package {@code io.pipelens.<service>.<path with / as .>}. Each field of {@code Query}
 * and {@code Mutation} a file declares must have a handler ({@code @QueryMapping}, {@code @MutationMapping} or
 * {@code @SchemaMapping}) there, and so must each field of another type the file declares that has a handler at all.
 * Files that only declare types the features share (such as {@code analytics.graphqls}) name no handler.
 */
class SchemaPackageMappingTest {

    private static final Set<String> ROOT_TYPES = Set.of("Query", "Mutation", "Subscription");

    @ParameterizedTest
    @ValueSource(strings = {"query", "command"})
    void everyFieldIsHandledInThePackageItsSchemaFileNames(String service) throws IOException {
        Map<String, String> schemas = schemaFiles(service);

        assertThat(schemas).containsKeys("deal.graphqls", "pipeline.graphqls");
        assertThat(misplaced(service, schemas, handlers(service))).isEmpty();
    }

    @Test
    void theQueryServiceHasAFileAndPackagePerAnalytic() throws IOException {
        assertThat(schemaFiles("query")).containsKeys("analytics.graphqls", "analytics/funnel.graphqls",
                "analytics/skipimpact.graphqls", "analytics/discovery.graphqls", "analytics/changeimpact.graphqls");
    }

    @Test
    void aQueryDeclaredInAnotherFeaturesFileIsReported() throws IOException {
        Map<String, String> schemas = new TreeMap<>(schemaFiles("query"));
        schemas.put("deal.graphqls", schemas.get("deal.graphqls")
                + "\nextend type Query { pipelines: [Pipeline!]! }\n");
        schemas.put("analytics/velocity.graphqls", schemas.get("analytics/velocity.graphqls")
                + "\nextend type Query { unanswered: Int }\n");

        assertThat(misplaced("query", schemas, handlers("query"))).containsExactly(
                "analytics/velocity.graphqls declares Query.unanswered, which nothing handles",
                "deal.graphqls declares Query.pipelines, handled in io.pipelens.query.pipeline.PipelineQueries, not "
                        + "in io.pipelens.query.deal");
    }

    /** The service's schema files' text by their path under {@code graphql/<service>/}. */
    private static Map<String, String> schemaFiles(String service) throws IOException {
        String folder = "graphql/" + service + "/";
        Map<String, String> files = new TreeMap<>();
        Resource[] resources = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + folder + "**/*.graphqls");
        for (Resource resource : resources) {
            String url = resource.getURL().toString();
            String path = url.substring(url.lastIndexOf(folder) + folder.length());
            try (InputStream in = resource.getInputStream()) {
                files.put(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** The classes of the service's handler methods, by {@code Type.field}. */
    private static Map<String, List<String>> handlers(String service) {
        Map<String, List<String>> handlers = new TreeMap<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.pipelens." + service)) {
            for (Method method : type.reflect().getDeclaredMethods()) {
                SchemaMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, SchemaMapping.class);
                if (mapping != null) {
                    String field = mapping.field().isEmpty() ? method.getName() : mapping.field();
                    handlers.computeIfAbsent(mapping.typeName() + "." + field, k -> new ArrayList<>())
                            .add(type.getName());
                }
            }
        }
        return handlers;
    }

    /** What each schema file declares that is not handled in its package, one sentence each, sorted. */
    private static List<String> misplaced(String service, Map<String, String> schemas,
                                          Map<String, List<String>> handlers) {
        List<String> misplaced = new ArrayList<>();
        SchemaParser parser = new SchemaParser();
        schemas.forEach((path, text) -> {
            String expected = "io.pipelens." + service + "." + path.substring(0, path.length() - ".graphqls".length())
                    .replace('/', '.');
            TypeDefinitionRegistry registry = parser.parse(text);
            Stream.concat(registry.getTypes(ObjectTypeDefinition.class).stream(),
                            registry.objectTypeExtensions().values().stream().flatMap(List::stream))
                    .forEach(type -> {
                        for (FieldDefinition field : type.getFieldDefinitions()) {
                            String at = type.getName() + "." + field.getName();
                            List<String> by = handlers.getOrDefault(at, List.of());
                            if (by.isEmpty() && ROOT_TYPES.contains(type.getName())) {
                                misplaced.add(path + " declares " + at + ", which nothing handles");
                            }
                            List<String> elsewhere = by.stream()
                                    .filter(handler -> !handler.substring(0, handler.lastIndexOf('.')).equals(expected))
                                    .toList();
                            if (!elsewhere.isEmpty()) {
                                misplaced.add(path + " declares " + at + ", handled in "
                                        + String.join(", ", elsewhere) + ", not in " + expected);
                            }
                        }
                    });
        });
        return misplaced.stream().sorted().collect(Collectors.toList());
    }
}
