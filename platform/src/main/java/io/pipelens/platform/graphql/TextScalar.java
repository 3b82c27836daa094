package io.pipelens.platform.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

/**
 * A scalar written as text in one ISO-8601 form, such as {@code DateTime} and {@code Date}: text that does not parse
 * is refused with a message that shows the expected form and the value given.
 */
final class TextScalar<T> implements Coercing<T, String> {

    private final Class<T> type;
    private final Function<String, T> parser;
    private final String expected;

    /**
     * @param parser   reads the text, throwing {@link DateTimeParseException} when it is not of the form
     * @param expected the form, as the refusal states it: "DateTime must be …"
     */
    TextScalar(Class<T> type, Function<String, T> parser, String expected) {
        this.type = type;
        this.parser = parser;
        this.expected = expected;
    }

    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
        if (type.isInstance(value)) {
            return value.toString();
        }
        throw new CoercingSerializeException("Expected " + type.getSimpleName() + " but got "
                + value.getClass().getSimpleName());
    }

    @Override
    public T parseValue(Object input, GraphQLContext context, Locale locale) {
        if (input instanceof String text) {
            T parsed = parse(text);
            if (parsed != null) {
                return parsed;
            }
        }
        throw new CoercingParseValueException(message(input));
    }

    @Override
    public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        if (input instanceof StringValue text) {
            T parsed = parse(text.getValue());
            if (parsed != null) {
                return parsed;
            }
            throw new CoercingParseLiteralException(message(text.getValue()));
        }
        throw new CoercingParseLiteralException(message(input));
    }

    private T parse(String text) {
        try {
            return parser.apply(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String message(Object input) {
        return expected + "; got '" + input + "'";
    }
}
