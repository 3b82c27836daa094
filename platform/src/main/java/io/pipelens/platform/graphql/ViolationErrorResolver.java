package io.pipelens.platform.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.pipelens.kernel.Violation;
import io.pipelens.kernel.ViolationException;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;

/**
 * Turns refused input into a GraphQL error of type BAD_REQUEST whose message lists every violation, and whose
 * {@code extensions.violations} holds them as {@code {field, reason}} objects for programs.
 */
public class ViolationErrorResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (!(ex instanceof ViolationException refused)) {
            return null;
        }
        return describe(GraphqlErrorBuilder.newError(env), refused).build();
    }

    /** The error's type, message and {@code extensions.violations} for refused input. */
    static GraphqlErrorBuilder<?> describe(GraphqlErrorBuilder<?> builder, ViolationException refused) {
        List<Map<String, String>> violations = refused.violations().stream()
                .map(ViolationErrorResolver::asMap)
                .toList();
        return builder.errorType(ErrorType.BAD_REQUEST)
                .message(refused.getMessage())
                .extensions(Map.of("violations", violations));
    }

    private static Map<String, String> asMap(Violation violation) {
        return Map.of("field", violation.field(), "reason", violation.reason());
    }
}
