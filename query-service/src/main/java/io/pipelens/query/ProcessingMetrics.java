package io.pipelens.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.pipelens.query.analytics.AnalyticsRegistry;
import io.pipelens.query.analytics.VersionIndex;
import io.pipelens.query.deal.DealJourneyProjection;
import io.pipelens.query.deal.JourneyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Processing health of docs/metrics-contract.md: lag behind the newest event in the store, events handled, and
 * replay progress, per processor; the analytic-index rebuild of a new pipeline version reports as the processor
 * {@code analytics-index}.
 */
@Component
public class ProcessingMetrics {

    static final String ANALYTICS_INDEX = "analytics-index";

    private final EventProcessingConfiguration processing;
    private final AnalyticsRegistry analytics;
    private final JourneyStore journeys;
    private final JdbcTemplate events;
    private final MeterRegistry meters;
    /**
     * Per processor, the last event it handled; its recording time is read at refresh only, so that the per-event
     * work is one map write (an event store engine may parse the stored timestamp string when it is first read).
     */
    private final Map<String, EventMessage<?>> lastHandled = new ConcurrentHashMap<>();
    /** Per processor, the newest recording time among the events it handled, as of the last refresh. */
    private final Map<String, Instant> newestHandled = new ConcurrentHashMap<>();
    private final Map<String, Counter> handledCounters = new ConcurrentHashMap<>();
    private final MultiGauge lag;
    private final MultiGauge replaying;
    private final MultiGauge progress;

    public ProcessingMetrics(EventProcessingConfiguration processing, AnalyticsRegistry analytics,
                             JourneyStore journeys, JdbcTemplate events, MeterRegistry meters) {
        this.processing = processing;
        this.analytics = analytics;
        this.journeys = journeys;
        this.events = events;
        this.meters = meters;
        this.lag = MultiGauge.builder("pipelens.processor.lag").baseUnit("seconds")
                .description("Recording time of the newest stored event minus that of the last one handled")
                .register(meters);
        this.replaying = MultiGauge.builder("pipelens.replay.in.progress")
                .description("1 while the processor rebuilds its read model, else 0").register(meters);
        this.progress = MultiGauge.builder("pipelens.replay.progress.ratio")
                .description("How far a running replay has got, 0 to 1; 1 when none runs").register(meters);
    }

    /** Called for every event a processor handles, live or in a replay. */
    public void handled(String processor, EventMessage<?> event) {
        // Registered once per processor: a registry lookup per event would cost as much as a projection's own work.
        handledCounters.computeIfAbsent(processor, name -> Counter.builder("pipelens.processor.events")
                .description("Events handled by the processor, live and in replays")
                .tag("processor", name).register(meters)).increment();
        lastHandled.put(processor, event);
    }

    /** The newest recording time among the events {@code processor} handled, or null before any. */
    private Instant newestHandled(String processor) {
        EventMessage<?> last = lastHandled.get(processor);
        return last == null ? newestHandled.get(processor)
                : newestHandled.merge(processor, last.getTimestamp(), (a, b) -> a.isAfter(b) ? a : b);
    }

    public void refresh() {
        Instant newest = newestRecorded();
        List<MultiGauge.Row<?>> lagRows = new ArrayList<>();
        List<MultiGauge.Row<?>> replayRows = new ArrayList<>();
        List<MultiGauge.Row<?>> progressRows = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                return;
            }
            Tags tags = Tags.of("processor", name);
            var statuses = streaming.processingStatus().values();
            boolean caughtUp = !statuses.isEmpty() && statuses.stream().allMatch(EventTrackerStatus::isCaughtUp);
            lagRows.add(MultiGauge.Row.of(tags, lagSeconds(caughtUp, newest, newestHandled(name))));
            // Caught up = replay done: the ReplayToken (also Axon 4.13's first token) stays until a newer event.
            boolean replay = statuses.stream().anyMatch(s -> s.isReplaying() && !s.isCaughtUp());
            // The journeys replay into staging: it runs until switched in, even while the processor is stopped.
            JourneyStore.Replay staged = DealJourneyProjection.PROCESSOR.equals(name) ? journeys.replay() : null;
            replayRows.add(MultiGauge.Row.of(tags, replay || staged != null ? 1 : 0));
            progressRows.add(MultiGauge.Row.of(tags, staged != null ? staged.progress()
                    : replay ? replayProgress(statuses) : 1.0));
        });
        List<VersionIndex> building = analytics.indexes().stream().filter(i -> !i.isReady()).toList();
        Tags index = Tags.of("processor", ANALYTICS_INDEX);
        replayRows.add(MultiGauge.Row.of(index, building.isEmpty() ? 0 : 1));
        progressRows.add(MultiGauge.Row.of(index, building.stream().mapToDouble(VersionIndex::progress).min()
                .orElse(1.0)));
        lag.register(lagRows, true);
        replaying.register(replayRows, true);
        progress.register(progressRows, true);
    }

    /** 0 when caught up or the store is empty; NaN while behind with nothing handled yet since start. */
    private static double lagSeconds(boolean caughtUp, Instant newest, Instant handled) {
        if (caughtUp || newest == null) {
            return 0;
        }
        if (handled == null) {
            return Double.NaN;
        }
        return Math.max(0, newest.toEpochMilli() - handled.toEpochMilli()) / 1000.0;
    }

    private static double replayProgress(java.util.Collection<EventTrackerStatus> statuses) {
        double least = 1.0;
        for (EventTrackerStatus status : statuses) {
            if (status.isReplaying() && status.getCurrentPosition().isPresent()
                    && status.getResetPosition().isPresent() && status.getResetPosition().getAsLong() > 0) {
                least = Math.min(least, status.getCurrentPosition().getAsLong()
                        / (double) status.getResetPosition().getAsLong());
            }
        }
        return least;
    }

    private Instant newestRecorded() {
        List<String> newest = events.queryForList(
                "SELECT time_stamp FROM domain_event_entry ORDER BY global_index DESC LIMIT 1", String.class);
        return newest.isEmpty() ? null : Instant.parse(newest.get(0));
    }
}
