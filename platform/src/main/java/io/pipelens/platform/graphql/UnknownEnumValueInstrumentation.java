package io.pipelens.platform.graphql;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;
import graphql.language.SourceLocation;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumValueDefinition;
import io.pipelens.kernel.Violation;
import io.pipelens.kernel.ViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Answers an unknown enum value as other refused input is answered ({@link ViolationErrorResolver}): the argument
 * named in {@code extensions.violations}, with the value and the accepted ones. graphql-java refuses such a value
 * before any data fetcher runs, and its own error names a variable rather than the argument ("Variable 'x' has an
 * invalid value: … No value found for name 'OWNR'") or quotes syntax-tree nodes, and lists no accepted value. Only a
 * response that failed validation is looked at; its errors about the unknown values are replaced, others are kept.
 */
final class UnknownEnumValueInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                        InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        if (result.getErrors().stream().noneMatch(e -> e.getErrorType() == ErrorType.ValidationError)) {
            return CompletableFuture.completedFuture(result);
        }
        List<UnknownEnumValues.Unknown> unknown = unknownValues(parameters);
        Set<SourceLocation> at = unknown.stream().map(UnknownEnumValues.Unknown::location).collect(Collectors.toSet());
        List<GraphQLError> kept = result.getErrors().stream()
                .filter(e -> e.getErrorType() != ErrorType.ValidationError || e.getLocations() == null
                        || e.getLocations().stream().noneMatch(at::contains))
                .toList();
        if (kept.size() == result.getErrors().size()) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> errors = new ArrayList<>(kept);
        errors.add(0, error(unknown));
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
    }

    private static List<UnknownEnumValues.Unknown> unknownValues(InstrumentationExecutionParameters parameters) {
        Document document;
        try {
            document = Parser.parse(parameters.getQuery());
        } catch (RuntimeException unparsable) {
            return List.of();
        }
        return UnknownEnumValues.in(parameters.getSchema(), document, parameters.getOperation(),
                parameters.getVariables());
    }

    private static GraphQLError error(List<UnknownEnumValues.Unknown> unknown) {
        List<Violation> violations = unknown.stream()
                .map(u -> new Violation(u.field(), "unknown value '" + u.value() + "'; expected one of "
                        + u.type().getValues().stream().map(GraphQLEnumValueDefinition::getName)
                        .collect(Collectors.joining(", "))))
                .distinct()
                .toList();
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .locations(unknown.stream().map(UnknownEnumValues.Unknown::location).distinct().toList());
        return ViolationErrorResolver.describe(builder, new ViolationException(violations)).build();
    }
}
