package io.pipelens.query.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One deal's whole journey: its attributes, every visit to a stage with business times, and how it ended. Keyed by the
 * deal id; {@code lastSequence} is the aggregate sequence number of the last event applied, which makes the projection
 * idempotent under at-least-once delivery.
 */
@Document(collection = DealJourney.COLLECTION)
public record DealJourney(@Id String id,
                          String pipelineId,
                          String owner,
                          String source,
                          String segment,
                          BigDecimal amount,
                          String currency,
                          DealStatus status,
                          String stage,
                          Instant openedAt,
                          Instant closedAt,
                          String lostReason,
                          List<Visit> visits,
                          Instant lastTransitionAt,
                          long lastSequence) {

    public static final String COLLECTION = "deal_journeys";

    public DealJourney {
        visits = visits == null ? List.of() : List.copyOf(visits);
    }
}
