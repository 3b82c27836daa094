package io.pipelens.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextScalarTest {

    private static final GraphQLContext CONTEXT = GraphQLContext.getDefault();

    @SuppressWarnings("unchecked")
    private static <T> Coercing<T, String> coercing(graphql.schema.GraphQLScalarType type) {
        return (Coercing<T, String>) type.getCoercing();
    }

    @Test
    void dateReadsAndWritesCalendarDates() {
        Coercing<LocalDate, String> date = coercing(DateScalar.TYPE);

        assertThat(date.parseValue("2026-02-28", CONTEXT, Locale.ROOT)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(date.parseLiteral(new StringValue("2024-02-29"), CoercedVariables.emptyVariables(), CONTEXT,
                Locale.ROOT)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(date.serialize(LocalDate.of(2026, 3, 1), CONTEXT, Locale.ROOT)).isEqualTo("2026-03-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"next week", "2026-02-30", "2026-13-01", "31.03.2026", "2026-03-31T00:00:00Z", ""})
    void dateRefusesTextThatIsNotACalendarDate(String text) {
        Coercing<LocalDate, String> date = coercing(DateScalar.TYPE);

        assertThatThrownBy(() -> date.parseValue(text, CONTEXT, Locale.ROOT))
                .isInstanceOf(CoercingParseValueException.class)
                .hasMessage("Date must be a calendar date yyyy-MM-dd, for example 2026-03-31; got '" + text + "'");
    }

    @Test
    void dateRefusesANumber() {
        Coercing<LocalDate, String> date = coercing(DateScalar.TYPE);

        assertThatThrownBy(() -> date.parseLiteral(new IntValue(BigInteger.valueOf(20260331)),
                CoercedVariables.emptyVariables(), CONTEXT, Locale.ROOT))
                .isInstanceOf(CoercingParseLiteralException.class)
                .hasMessageStartingWith("Date must be a calendar date yyyy-MM-dd");
    }

    @Test
    void dateTimeKeepsItsFormAndMessage() {
        Coercing<Instant, String> dateTime = coercing(DateTimeScalar.TYPE);

        assertThat(dateTime.parseValue("2026-03-01T10:30:00+01:00", CONTEXT, Locale.ROOT))
                .isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
        assertThatThrownBy(() -> dateTime.parseValue("yesterday", CONTEXT, Locale.ROOT))
                .hasMessage("DateTime must be ISO-8601 with an offset, for example 2026-03-01T09:30:00Z; "
                        + "got 'yesterday'");
        assertThatThrownBy(() -> dateTime.parseValue("+200000000-01-01T00:00:00Z", CONTEXT, Locale.ROOT))
                .as("an instant whose epoch milliseconds would overflow").isInstanceOf(CoercingParseValueException.class);
        assertThat(dateTime.parseValue("9999-12-31T23:59:59Z", CONTEXT, Locale.ROOT))
                .isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    }
}
