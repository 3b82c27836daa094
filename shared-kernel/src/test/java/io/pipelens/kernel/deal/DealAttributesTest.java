package io.pipelens.kernel.deal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DealAttributesTest {

    private static DealAttributes amount(String amount, String currency) {
        return new DealAttributes("alice", "inbound", "SMB", amount == null ? null : new BigDecimal(amount), currency);
    }

    @Test
    void noAttributesAreValid() {
        assertThat(DealAttributes.NONE.validate("attributes.")).isEmpty();
    }

    @Test
    void completeAttributesAreValid() {
        assertThat(amount("12500.00", "EUR").validate("attributes.")).isEmpty();
    }

    @Test
    void zeroAmountIsValid() {
        assertThat(amount("0", "USD").validate("")).isEmpty();
    }

    @Test
    void currencyWithoutAmountIsValid() {
        assertThat(amount(null, "CHF").validate("")).isEmpty();
    }

    @Test
    void rejectsNegativeAmount() {
        assertThat(amount("-0.01", "EUR").validate("attributes."))
                .containsExactly(new Violation("attributes.amount", "must not be negative, was -0.01"));
    }

    @Test
    void rejectsAmountWithoutCurrency() {
        assertThat(amount("100", null).validate("attributes."))
                .containsExactly(new Violation("attributes.currency", "is required when an amount is given"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EURO", "EU", "E1R", "", " EUR"})
    void rejectsCurrencyThatIsNotThreeCapitalLetters(String currency) {
        assertThat(amount("100", currency).validate("attributes."))
                .containsExactly(new Violation("attributes.currency",
                        "must be an ISO-4217 code of three capital letters, was '" + currency + "'"));
    }

    @Test
    void reportsEveryAmountProblemAtOnce() {
        assertThat(amount("-5", null).validate("attributes.")).extracting(Violation::field)
                .containsExactly("attributes.amount", "attributes.currency");
    }

    @Test
    void rejectsBlankTexts() {
        assertThat(new DealAttributes(" ", "", "\t", null, null).validate("attributes."))
                .extracting(Violation::field)
                .containsExactly("attributes.owner", "attributes.source", "attributes.segment");
    }

    @Test
    void acceptsTextsOfTwoHundredCharacters() {
        String text = "t".repeat(200);
        assertThat(new DealAttributes(text, text, text, null, null).validate("")).isEmpty();
    }

    @Test
    void rejectsTextsLongerThanTwoHundredCharacters() {
        assertThat(new DealAttributes("o".repeat(201), null, null, null, null).validate("input.attributes."))
                .containsExactly(new Violation("input.attributes.owner", "must be 1 to 200 characters when given"));
    }

    @Test
    void expectedCloseDateInThePastOrFutureIsValid() {
        assertThat(closingOn("2019-12-31").validate("attributes.")).isEmpty();
        assertThat(closingOn("2031-01-15").validate("attributes.")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1899-12-31", "+57442-01-01", "0001-01-01"})
    void rejectsExpectedCloseDateOutsideFourDigitYearsFrom1900(String date) {
        assertThat(closingOn(date).validate("attributes."))
                .containsExactly(new Violation("attributes.expectedCloseDate",
                        "must be a date from 1900-01-01 to 9999-12-31, was " + LocalDate.parse(date)));
    }

    private static DealAttributes closingOn(String date) {
        return new DealAttributes("alice", null, null, null, null, LocalDate.parse(date));
    }
}
