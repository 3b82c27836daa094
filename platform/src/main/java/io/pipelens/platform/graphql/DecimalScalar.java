package io.pipelens.platform.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.util.Locale;

/** {@code Decimal}: an exact decimal number, given as a string or a number and returned as a string. */
final class DecimalScalar implements Coercing<BigDecimal, String> {

    static final GraphQLScalarType TYPE = GraphQLScalarType.newScalar()
            .name("Decimal")
            .description("An exact decimal number, given as a string or number and returned as a string, e.g. \"12500.00\"")
            .coercing(new DecimalScalar())
            .build();

    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        throw new CoercingSerializeException("Expected a BigDecimal but got " + value.getClass().getSimpleName());
    }

    @Override
    public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
        BigDecimal parsed = input instanceof Number || input instanceof String ? parse(input.toString()) : null;
        if (parsed == null) {
            throw new CoercingParseValueException(message(input));
        }
        return parsed;
    }

    @Override
    public BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                   Locale locale) {
        BigDecimal parsed = null;
        if (input instanceof StringValue text) {
            parsed = parse(text.getValue());
        } else if (input instanceof IntValue number) {
            parsed = new BigDecimal(number.getValue());
        } else if (input instanceof FloatValue number) {
            parsed = number.getValue();
        }
        if (parsed == null) {
            throw new CoercingParseLiteralException(message(input));
        }
        return parsed;
    }

    private static BigDecimal parse(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String message(Object input) {
        return "Decimal must be a decimal number such as 12500.00; got '" + input + "'";
    }
}
