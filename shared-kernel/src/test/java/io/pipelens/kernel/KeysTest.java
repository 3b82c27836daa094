package io.pipelens.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class KeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"d1", "7", "contact", "deal:d1", "crm.hubspot_42-a", "Q3-Enterprise"})
    void acceptsLettersDigitsAndSeparators(String key) {
        assertThat(Keys.problemWith(key)).isNull();
    }

    @Test
    void acceptsSixtyFourCharacters() {
        assertThat(Keys.problemWith("k".repeat(64))).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void requiresAValue(String key) {
        assertThat(Keys.problemWith(key)).isEqualTo("is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-d1", "_d1", ".d1", ":d1", "deal 1", "deal/1", "déal", "d1\n", "d1;drop"})
    void rejectsKeysNotStartingWithLetterOrDigitOrWithOtherCharacters(String key) {
        assertThat(Keys.problemWith(key)).isEqualTo("'" + key + "' is not a valid key: use 1 to 64 letters, "
                + "digits, '-', '_', '.' or ':', starting with a letter or digit");
    }

    @Test
    void rejectsSixtyFiveCharacters() {
        assertThat(Keys.problemWith("k".repeat(65))).contains("is not a valid key");
    }

    @Test
    void abbreviatesLongInvalidKeyToFortyCharacters() {
        String key = "x".repeat(100) + " ";
        assertThat(Keys.problemWith(key)).startsWith("'" + "x".repeat(40) + "…' is not a valid key");
    }
}
