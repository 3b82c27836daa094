package io.pipelens.query.support;

import java.util.List;
import java.util.Map;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Test helper: a GraphQL answer refused bad input with a violation naming the field. */
public final class Violations {

    private Violations() {
    }

    public static void expectViolation(GraphQlTester.Response response, String field) {
        response.errors().expect(error -> {
            Object violations = error.getExtensions().get("violations");
            return violations instanceof List<?> list && list.stream()
                    .anyMatch(v -> v instanceof Map<?, ?> m && field.equals(m.get("field")));
        }).verify();
    }
}
