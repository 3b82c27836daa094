package io.pipelens.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnknownEnumValueInstrumentationTest {

    private static final String SDL = """
            type Query { report(colour: Colour, colours: [Colour!], filter: Filter, size: Int): Int }
            enum Colour { RED GREEN }
            input Filter { colour: Colour }
            """;
    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(
            new SchemaParser().parse(SDL), RuntimeWiring.newRuntimeWiring()
                    .type("Query", type -> type.dataFetcher("report", env -> 1)).build());
    private static final String EXPECTED = "expected one of RED, GREEN";

    private static ExecutionResult run(boolean instrumented, String query, Map<String, Object> variables) {
        GraphQL.Builder graphQl = GraphQL.newGraphQL(SCHEMA);
        if (instrumented) {
            graphQl.instrumentation(new UnknownEnumValueInstrumentation());
        }
        return graphQl.build().execute(ExecutionInput.newExecutionInput(query).variables(variables).build());
    }

    private static ExecutionResult run(String query, Map<String, Object> variables) {
        return run(true, query, variables);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> violations(GraphQLError error) {
        return error.getExtensions() == null ? List.of()
                : (List<Map<String, String>>) error.getExtensions().get("violations");
    }

    @Test
    void aLiteralInAListNamesTheArgumentTheValueAndTheAcceptedOnes() {
        ExecutionResult result = run("{ report(colours: [RED, BLUE]) }", Map.of());

        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(violations(error)).containsExactly(Map.of("field", "colours",
                    "reason", "unknown value 'BLUE'; " + EXPECTED));
            assertThat(error.getMessage()).isEqualTo("colours: unknown value 'BLUE'; " + EXPECTED);
            assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
        });
    }

    @Test
    void aVariableIsReportedUnderTheArgumentItIsGivenFor() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("chosen", List.of("GREEN", "PURPLE"));

        ExecutionResult result = run("query q($chosen: [Colour!]) { report(colours: $chosen) }", variables);

        assertThat(result.getErrors()).singleElement().satisfies(error -> assertThat(violations(error))
                .containsExactly(Map.of("field", "colours", "reason", "unknown value 'PURPLE'; " + EXPECTED)));
    }

    @Test
    void aValueInsideAnInputObjectIsNamedByItsPath() {
        assertThat(violations(run("{ report(filter: {colour: TEAL}) }", Map.of()).getErrors().get(0)))
                .extracting(v -> v.get("field")).containsExactly("filter.colour");
        assertThat(violations(run("query q($f: Filter) { report(filter: $f) }", Map.of("f", Map.of("colour", "TEAL")))
                .getErrors().get(0))).extracting(v -> v.get("field")).containsExactly("filter.colour");
    }

    @Test
    void otherValidationErrorsAreKeptAsGraphqlJavaGivesThem() {
        String query = "{ report(colour: BLUE, size: \"ten\") }";

        List<GraphQLError> errors = run(query, Map.of()).getErrors();
        List<GraphQLError> plain = run(false, query, Map.of()).getErrors();

        assertThat(errors).hasSize(2);
        assertThat(violations(errors.get(0))).extracting(v -> v.get("field")).containsExactly("colour");
        assertThat(errors.get(1).getMessage()).isEqualTo(plain.stream()
                .filter(e -> e.getMessage().contains("'size'")).findFirst().orElseThrow().getMessage());
    }

    @Test
    void withoutAnUnknownValueTheResultIsUntouched() {
        assertThat(run("{ report(colours: [RED]) }", Map.of()).<Map<String, Object>>getData())
                .containsEntry("report", 1);
        String unknownField = "{ report(colour: RED) nothing }";
        assertThat(run(unknownField, Map.of()).getErrors()).extracting(GraphQLError::getMessage)
                .isEqualTo(run(false, unknownField, Map.of()).getErrors().stream().map(GraphQLError::getMessage)
                        .toList());
    }
}
