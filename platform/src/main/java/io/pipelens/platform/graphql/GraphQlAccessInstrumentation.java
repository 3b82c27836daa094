package io.pipelens.platform.graphql;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.pipelens.platform.security.Caller;
import io.pipelens.platform.security.Role;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.core.Authentication;

/**
 * The least role each GraphQL operation needs, checked per top-level field: READ for a query's fields, WRITE for a
 * mutation's. It holds for every field, including fields added later, so nothing is reachable by a key with too small
 * a role by oversight. A field that needs more (ADMIN) says so on its controller method with
 * {@code @PreAuthorize("hasRole('ADMIN')")}; {@link AccessDeniedErrorResolver} reports that refusal the same way.
 * A refused field answers null with a FORBIDDEN error naming the field and the role required; the request's other
 * fields still run.
 */
final class GraphQlAccessInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        DataFetchingEnvironment environment = parameters.getEnvironment();
        Role required = required(environment.getGraphQLSchema(), environment.getParentType());
        if (required == null) {
            return dataFetcher;
        }
        Authentication authentication = environment.getGraphQlContext().get(GraphQlAccessInterceptor.AUTHENTICATION);
        if (Caller.has(authentication, required)) {
            return dataFetcher;
        }
        return refused -> DataFetcherResult.newResult()
                .error(GraphqlErrorBuilder.newError(refused)
                        .errorType(authentication == null ? ErrorType.UNAUTHORIZED : ErrorType.FORBIDDEN)
                        .message(AccessDeniedErrorResolver.message(refused.getField().getName(), "the " + required.name() + " role",
                                authentication))
                        .build())
                .build();
    }

    private static Role required(GraphQLSchema schema, Object parentType) {
        if (!(parentType instanceof GraphQLObjectType type)) {
            return null;
        }
        if (type == schema.getQueryType()) {
            return Role.READ;
        }
        if (type == schema.getMutationType() || type == schema.getSubscriptionType()) {
            return Role.WRITE;
        }
        return null;
    }
}
