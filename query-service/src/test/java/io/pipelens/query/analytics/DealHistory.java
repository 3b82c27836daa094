package io.pipelens.query.analytics;

import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealAttributesChangedEvent;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealReopenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.JourneyFold;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture: one deal's history as kernel events, written in days after {@link #T0}, e.g.
 * {@code deal("d1").openedAt("contact", 0).movedTo("profiling", 2.5).wonAt(4)}. Enforces nothing the aggregate
 * enforces; tests are expected to write valid histories.
 */
public final class DealHistory {

    public static final String PIPELINE = "sales";
    public static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private final String id;
    private final List<DealEvent> events = new ArrayList<>();
    private DealAttributes attributes = DealAttributes.NONE;
    private String stage;

    private DealHistory(String id) {
        this.id = id;
    }

    public static DealHistory deal(String id) {
        return new DealHistory(id);
    }

    public static Instant day(double days) {
        return T0.plus(Duration.ofMillis(Math.round(days * 86_400_000L)));
    }

    public DealHistory ownedBy(String owner) {
        attributes = new DealAttributes(owner, attributes.source(), attributes.segment(), attributes.amount(),
                attributes.currency());
        return this;
    }

    public DealHistory from(String source, String segment) {
        attributes = new DealAttributes(attributes.owner(), source, segment, attributes.amount(),
                attributes.currency());
        return this;
    }

    public DealHistory worth(String amount, String currency) {
        attributes = new DealAttributes(attributes.owner(), attributes.source(), attributes.segment(),
                amount == null ? null : new BigDecimal(amount), currency);
        return this;
    }

    public DealHistory openedAt(String stage, double day) {
        return openedAt(stage, day(day));
    }

    public DealHistory openedAt(String stage, Instant at) {
        events.add(new DealOpenedEvent(id, PIPELINE, stage, attributes, at));
        this.stage = stage;
        return this;
    }

    public DealHistory movedTo(String stage, double day) {
        return movedTo(stage, day(day));
    }

    public DealHistory movedTo(String stage, Instant at) {
        events.add(new DealMovedToStageEvent(id, PIPELINE, this.stage, stage, at));
        this.stage = stage;
        return this;
    }

    public DealHistory wonAt(double day) {
        return wonAt(day(day));
    }

    public DealHistory wonAt(Instant at) {
        events.add(new DealWonEvent(id, PIPELINE, stage, at));
        return this;
    }

    public DealHistory lostAt(double day) {
        return lostAt(day(day));
    }

    public DealHistory lostAt(Instant at) {
        events.add(new DealLostEvent(id, PIPELINE, stage, "no budget", at));
        return this;
    }

    public DealHistory reopenedInto(String stage, double day) {
        return reopenedInto(stage, day(day));
    }

    public DealHistory reopenedInto(String stage, Instant at) {
        events.add(new DealReopenedEvent(id, PIPELINE, stage, at));
        this.stage = stage;
        return this;
    }

    public DealHistory attributesChanged(DealAttributes changed, Instant at) {
        events.add(new DealAttributesChangedEvent(id, PIPELINE, changed, at));
        attributes = changed;
        return this;
    }

    public List<DealEvent> events() {
        return List.copyOf(events);
    }

    /** The journey the deal-journey projection would store, folded from the events in order. */
    public DealJourney journey() {
        return fold(events);
    }

    public static DealJourney fold(List<DealEvent> events) {
        DealJourney journey = null;
        long sequence = 0;
        for (DealEvent event : events) {
            journey = JourneyFold.apply(journey, event, sequence++);
        }
        return journey;
    }
}
