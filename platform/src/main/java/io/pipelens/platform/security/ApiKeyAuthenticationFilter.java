package io.pipelens.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its API key, from {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}. A key
 * that is given but unknown is refused at once with 401, rather than treated as no key: a caller with a mistyped or
 * revoked key learns that, instead of a confusing 403 further on. A request without a key stays unauthenticated and
 * the authorisation rules decide. When the service runs open, every request is authenticated as
 * {@link ApiKeyAuthentication#OPEN_ACCESS} with every role, and keys are not looked at.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "bearer ";

    private final ApiKeys keys;
    private final boolean open;

    ApiKeyAuthenticationFilter(ApiKeys keys, boolean open) {
        this.keys = keys;
        this.open = open;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (open) {
            authenticate(ApiKeyAuthentication.openAccess());
        } else {
            Optional<String> presented = presentedKey(request);
            if (presented.isPresent()) {
                Optional<ApiKeys.ApiKey> key = keys.find(presented.get());
                if (key.isEmpty()) {
                    AccessErrors.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                            "UNAUTHORIZED", "The API key is not valid: it is none of this service's keys; "
                                    + AccessErrors.HOW_TO_AUTHENTICATE + " with a configured key");
                    return;
                }
                authenticate(ApiKeyAuthentication.of(key.get()));
            }
        }
        chain.doFilter(request, response);
    }

    private static void authenticate(ApiKeyAuthentication authentication) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
    }

    static Optional<String> presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String key = authorization.substring(BEARER.length()).trim();
            if (!key.isEmpty()) {
                return Optional.of(key);
            }
        }
        String header = request.getHeader(API_KEY_HEADER);
        return header == null || header.isBlank() ? Optional.empty() : Optional.of(header.trim());
    }
}
