package io.pipelens.query.analytics.skipimpact;

import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.VersionedJourney;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.JourneyFold;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture: deals that pass through a list of stages a day apart and then are lost, won or left open, e.g.
 * {@code deal("d1").ownedBy("ann").through("lead", "proposal").lost()}.
 */
final class Deals {

    static final String PIPELINE = "sales";
    static final Instant T0 = Instant.parse("2025-01-06T00:00:00Z");

    private final String id;
    private DealAttributes attributes = DealAttributes.NONE;
    private Instant openedAt = T0;
    private List<String> stages = List.of();

    private Deals(String id) {
        this.id = id;
    }

    static Deals deal(String id) {
        return new Deals(id);
    }

    /** Version 1 of a pipeline with the given stage keys, in order. */
    static AnalyticVersion versionOne(String... keys) {
        List<StageDefinition> stages = new ArrayList<>();
        for (String key : keys) {
            stages.add(new StageDefinition(key, key, null, null, null));
        }
        return AnalyticVersion.of(1, stages, List.of());
    }

    /** The index a projection would hold for these deals' histories. */
    static AnalyticIndex index(AnalyticVersion version, List<List<DealEvent>> histories) {
        return index(PIPELINE, version, histories);
    }

    /** The index a projection would hold for these deals' histories in {@code pipeline}. */
    static AnalyticIndex index(String pipeline, AnalyticVersion version, List<List<DealEvent>> histories) {
        AnalyticIndex index = new AnalyticIndex(pipeline, version);
        for (List<DealEvent> history : histories) {
            index.upsert(fold(history));
        }
        return index;
    }

    Deals ownedBy(String owner) {
        return with(owner, null, null, null, null);
    }

    Deals with(String owner, String source, String segment, String amount, String currency) {
        attributes = new DealAttributes(owner, source, segment, amount == null ? null : new BigDecimal(amount),
                currency);
        return this;
    }

    Deals openedAt(Instant at) {
        openedAt = at;
        return this;
    }

    Deals through(String... stageKeys) {
        stages = List.of(stageKeys);
        return this;
    }

    List<DealEvent> lost() {
        List<DealEvent> events = open();
        events.add(new DealLostEvent(id, PIPELINE, last(), "lost", day(stages.size())));
        return events;
    }

    List<DealEvent> won() {
        List<DealEvent> events = open();
        events.add(new DealWonEvent(id, PIPELINE, last(), day(stages.size())));
        return events;
    }

    List<DealEvent> open() {
        List<DealEvent> events = new ArrayList<>();
        events.add(new DealOpenedEvent(id, PIPELINE, stages.get(0), attributes, openedAt));
        for (int i = 1; i < stages.size(); i++) {
            events.add(new DealMovedToStageEvent(id, PIPELINE, stages.get(i - 1), stages.get(i), day(i)));
        }
        return events;
    }

    /** The deal, lost, as the analytics see it under {@code version}. */
    VersionedJourney lostUnder(AnalyticVersion version) {
        return under(version, lost());
    }

    /** The deal, still open, as the analytics see it under {@code version}. */
    VersionedJourney openUnder(AnalyticVersion version) {
        return under(version, open());
    }

    private static VersionedJourney under(AnalyticVersion version, List<DealEvent> events) {
        return VersionedJourney.of(fold(events), version);
    }

    /** The journey the deal-journey projection would store, folded from the events in order. */
    private static DealJourney fold(List<DealEvent> events) {
        DealJourney journey = null;
        for (int sequence = 0; sequence < events.size(); sequence++) {
            journey = JourneyFold.apply(journey, events.get(sequence), sequence);
        }
        return journey;
    }

    private String last() {
        return stages.get(stages.size() - 1);
    }

    private Instant day(int days) {
        return openedAt.plus(Duration.ofDays(days));
    }
}
