package io.pipelens.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

class ConcurrencyRetryTest {

    private final AtomicInteger sent = new AtomicInteger();
    private final List<RuntimeException> lost = new ArrayList<>();

    @Test
    void answersTheFirstAttemptThatWins() {
        String answer = ConcurrencyRetry.run(() -> {
            if (sent.incrementAndGet() == 1) {
                throw new ConcurrencyException("another instance appended first");
            }
            return "recorded";
        }, lost::add, attempts -> "conflict");

        assertThat(answer).isEqualTo("recorded");
        assertThat(sent).hasValue(2);
        assertThat(lost).hasSize(1).first().isInstanceOf(ConcurrencyException.class);
    }

    @Test
    void givesUpAfterAsManyLostRacesAsItsAttempts() {
        String answer = ConcurrencyRetry.run(() -> {
            sent.incrementAndGet();
            throw new AggregateStreamCreationException("another instance created it first");
        }, lost::add, attempts -> "conflict after " + attempts);

        assertThat(answer).isEqualTo("conflict after " + ConcurrencyRetry.ATTEMPTS);
        assertThat(sent).hasValue(ConcurrencyRetry.ATTEMPTS);
        assertThat(lost).hasSize(ConcurrencyRetry.ATTEMPTS);
    }

    @Test
    void passesAnyOtherFailureThroughWithoutRetrying() {
        assertThatThrownBy(() -> ConcurrencyRetry.run(() -> {
            sent.incrementAndGet();
            throw new IllegalStateException("the store is down");
        }, lost::add, attempts -> "conflict")).isInstanceOf(IllegalStateException.class);

        assertThat(sent).hasValue(1);
        assertThat(lost).isEmpty();
    }
}
