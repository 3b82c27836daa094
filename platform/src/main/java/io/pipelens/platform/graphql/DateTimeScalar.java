package io.pipelens.platform.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** {@code DateTime}: an instant written as ISO-8601 with an offset, for example {@code 2026-03-01T09:30:00Z}. */
final class DateTimeScalar implements Coercing<Instant, String> {

    static final GraphQLScalarType TYPE = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An instant, ISO-8601 with an offset, for example 2026-03-01T09:30:00Z")
            .coercing(new DateTimeScalar())
            .build();

    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        throw new CoercingSerializeException("Expected an Instant but got " + value.getClass().getSimpleName());
    }

    @Override
    public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
        if (input instanceof String text) {
            Instant parsed = parse(text);
            if (parsed != null) {
                return parsed;
            }
        }
        throw new CoercingParseValueException(message(input));
    }

    @Override
    public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        if (input instanceof StringValue text) {
            Instant parsed = parse(text.getValue());
            if (parsed != null) {
                return parsed;
            }
            throw new CoercingParseLiteralException(message(text.getValue()));
        }
        throw new CoercingParseLiteralException(message(input));
    }

    private static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String message(Object input) {
        return "DateTime must be ISO-8601 with an offset, for example 2026-03-01T09:30:00Z; got '" + input + "'";
    }
}
