package io.pipelens.query.deal;

import io.pipelens.kernel.deal.DealAttributes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One deal's whole journey: its attributes, every visit to a stage with business times, and how it ended. Keyed by the
 * deal id; {@code lastSequence} is the aggregate sequence number of the last event applied, which makes the projection
 * idempotent under at-least-once delivery.
 *
 * <p>{@code attributesChangedAt} holds the business times of the deal's attribute changes, in order, or null when it
 * had none (so a stored journey carries the field only when set); with the visits it gives every deal event's time.
 * {@code lastTransitionAt} is the time of the last event of any kind, attribute changes included.
 * {@code expectedCloseDate} is the deal's current expected close date, null when none is given; it is stored as
 * {@code yyyy-MM-dd} text, as every date of the read models is ({@code ReadModelConversions}).
 *
 * <p>{@code attributeHistory} holds the deal's attribute records in time order, each with the time it took effect (the
 * first at the opening), or null when the attributes never changed (the opening's are then the current fields). A
 * journey stored before the history was kept has none although it changed: its current attributes stand for every
 * time until the journeys are replayed.
 */
@Document(collection = DealJourney.COLLECTION)
public record DealJourney(@Id String id,
                          String pipelineId,
                          String owner,
                          String source,
                          String segment,
                          BigDecimal amount,
                          String currency,
                          LocalDate expectedCloseDate,
                          DealStatusView status,
                          String stage,
                          Instant openedAt,
                          Instant closedAt,
                          String lostReason,
                          List<Visit> visits,
                          List<Instant> attributesChangedAt,
                          List<AttributesAt> attributeHistory,
                          Instant lastTransitionAt,
                          long lastSequence) {

    public static final String COLLECTION = "deal_journeys";

    public DealJourney {
        visits = visits == null ? List.of() : List.copyOf(visits);
        attributesChangedAt = attributesChangedAt == null || attributesChangedAt.isEmpty() ? null
                : List.copyOf(attributesChangedAt);
        attributeHistory = attributeHistory == null || attributeHistory.isEmpty() ? null
                : List.copyOf(attributeHistory);
    }

    /** A journey without an expected close date or an attribute history. */
    public DealJourney(String id, String pipelineId, String owner, String source, String segment, BigDecimal amount,
                       String currency, DealStatusView status, String stage, Instant openedAt, Instant closedAt,
                       String lostReason, List<Visit> visits, List<Instant> attributesChangedAt,
                       Instant lastTransitionAt, long lastSequence) {
        this(id, pipelineId, owner, source, segment, amount, currency, null, status, stage, openedAt, closedAt,
                lostReason, visits, attributesChangedAt, null, lastTransitionAt, lastSequence);
    }

    /** The attributes the deal has now, as one record. */
    public DealAttributes attributes() {
        return new DealAttributes(owner, source, segment, amount, currency, expectedCloseDate);
    }
}
