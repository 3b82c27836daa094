package io.pipelens.platform.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.pipelens.platform.security.Caller;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.ExpressionAuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Reports a field refused by method security ({@code @PreAuthorize("hasRole('ADMIN')")} on a controller method) as a
 * FORBIDDEN error that names the field, the role it needs and the caller's role, as {@link GraphQlAccessInstrumentation}
 * does for the least roles; Spring's own resolver would answer only "Forbidden". Ordered before it.
 */
final class AccessDeniedErrorResolver extends DataFetcherExceptionResolverAdapter {

    private static final Pattern HAS_ROLE = Pattern.compile("hasRole\\('([A-Z_]+)'\\)");

    AccessDeniedErrorResolver() {
        setThreadLocalContextAware(true);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof AuthenticationException) {
            return GraphqlErrorBuilder.newError(env).errorType(ErrorType.UNAUTHORIZED)
                    .message(env.getField().getName() + ": an API key is required").build();
        }
        if (!(ex instanceof AccessDeniedException)) {
            return null;
        }
        String required = "a higher role";
        if (ex instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof ExpressionAuthorizationDecision decision) {
            Matcher role = HAS_ROLE.matcher(decision.getExpression().getExpressionString());
            String expression = decision.getExpression().getExpressionString();
            required = role.find() ? "the " + role.group(1) + " role" : "'" + expression + "'";
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return GraphqlErrorBuilder.newError(env).errorType(ErrorType.FORBIDDEN)
                .message(message(env.getField().getName(), required, authentication)).build();
    }

    /** "definePipeline: needs the ADMIN role; the key 'crm' has WRITE". */
    static String message(String field, String required, Authentication caller) {
        return field + ": needs " + required + "; " + Caller.describe(caller);
    }
}
