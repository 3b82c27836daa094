package io.pipelens.platform.graphql;

import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import reactor.core.publisher.Mono;

/**
 * Hands the caller's authentication to {@link GraphQlAccessInstrumentation} through the GraphQL context: data fetchers
 * may run on other threads than the request's, where the security context's thread-local is not set.
 */
final class GraphQlAccessInterceptor implements WebGraphQlInterceptor {

    static final String AUTHENTICATION = GraphQlAccessInterceptor.class.getName() + ".authentication";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null) {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(AUTHENTICATION, authentication)).build());
        }
        return chain.next(request);
    }
}
