package io.pipelens.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Writes refusals before any controller runs (missing or wrong key, wrong role, body too large). On the GraphQL
 * endpoint as a GraphQL response, {@code {"errors": [{message, extensions: {classification}}]}}, so GraphQL clients and
 * GraphiQL show the message; elsewhere as an RFC 9457 problem, like the services' other HTTP errors.
 */
public final class AccessErrors {

    static final String HOW_TO_AUTHENTICATE =
            "send an API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AccessErrors() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                             String classification, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"pipelens\"");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (isGraphQl(request)) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            body.put("errors", List.of(Map.of("message", message,
                    "extensions", Map.of("classification", classification))));
        } else {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            body.put("type", "about:blank");
            body.put("title", title);
            body.put("status", status);
            body.put("detail", message);
            body.put("instance", request.getRequestURI());
        }
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }

    private static boolean isGraphQl(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/graphql") || path.startsWith("/graphql/");
    }
}
