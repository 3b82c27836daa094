package io.pipelens.query.admin;

import io.pipelens.kernel.ViolationException;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.DealJourneyProjection;
import io.pipelens.query.deal.JourneyStore;
import io.pipelens.query.processing.WriteBehind;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Replays of the read models on demand. The projections are the streaming event processors Axon knows, found at the
 * time of asking, so a projection added later is replayable without a change here.
 *
 * <p>A replay is Axon's: shut the processor down, reset its tokens (its {@code @ResetHandler}s run), start it. The
 * deal journeys replay into staging (see {@link JourneyStore}), so their queries keep the last complete answers and a
 * cancel simply drops the staging state and puts the token back where the live journeys were. Other projections
 * rebuild in place; cancelling them would leave them half-built, so it is refused.
 */
@Service
public class ProjectionReplays {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplays.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final JourneyStore journeys;
    private final JdbcTemplate events;
    private final WriteBehind<DealJourney> journeyWrites;
    private boolean formatChecked;

    public ProjectionReplays(EventProcessingConfiguration processing, TokenStore tokens, JourneyStore journeys,
                             JdbcTemplate events, WriteBehind<DealJourney> journeyWrites) {
        this.processing = processing;
        this.tokens = tokens;
        this.journeys = journeys;
        this.events = events;
        this.journeyWrites = journeyWrites;
    }

    /** Every projection, by name. */
    public List<ProjectionStatus> projections() {
        long head = storeHead();
        return processors().entrySet().stream().map(e -> status(e.getKey(), e.getValue(), head)).toList();
    }

    /**
     * Starts a replay of the projection {@code name}.
     *
     * @throws ViolationException naming {@code name} when there is no such projection or it is already replaying
     */
    public synchronized ProjectionStatus replay(String name) {
        StreamingEventProcessor processor = processor(name);
        ProjectionStatus before = status(name, processor, storeHead());
        if (before.replaying()) {
            throw new ViolationException("name", "projection '" + name + "' is already replaying ("
                    + percent(before.progress()) + " done); cancel it first or wait for it to finish");
        }
        if (!processor.supportsReset()) {
            throw new ViolationException("name", "projection '" + name + "' cannot be replayed: its handlers do not"
                    + " support a reset");
        }
        log.info("Replaying projection '{}' from the start of the event store", name);
        restart(processor);
        return status(name, processor, storeHead());
    }

    /**
     * Replays the deal journeys once per process when those stored predate the format this release writes (see
     * {@link JourneyStore#storedInEarlierFormat()}): they would otherwise go on merging what it tells apart. A replay
     * an earlier release began is started again, as it stages journeys of the earlier format. The queries answer from
     * the stored journeys meanwhile, as for any replay. It waits for the processor to have claimed its segments: a
     * tracking processor shut down while it is still launching its workers at start-up did not resume.
     */
    private void replayJourneysOfAnEarlierFormat() {
        if (formatChecked || !journeys.storedInEarlierFormat()) {
            return;
        }
        StreamingEventProcessor processor = processor(DealJourneyProjection.PROCESSOR);
        if (!processor.isRunning() || processor.processingStatus().isEmpty()) {
            return;
        }
        formatChecked = true;
        log.info("The stored deal journeys predate format {} (visits begun by a reopening marked): replaying projection"
                + " '{}' from the start of the event store", JourneyStore.FORMAT, DealJourneyProjection.PROCESSOR);
        restart(processor);
    }

    /** Axon's replay: shut the processor down, reset its tokens (its {@code @ResetHandler}s run), start it. */
    private static void restart(StreamingEventProcessor processor) {
        processor.shutDown();
        try {
            processor.resetTokens();
        } finally {
            processor.start();
        }
    }

    /**
     * Cancels the running replay of {@code name}; the read model is the one served before the replay, and carries on
     * from there.
     *
     * @throws ViolationException naming {@code name} when there is no such projection, no replay of it runs, or it
     *                            rebuilds in place
     */
    public synchronized ProjectionStatus cancel(String name) {
        StreamingEventProcessor processor = processor(name);
        if (!status(name, processor, storeHead()).replaying()) {
            throw new ViolationException("name", "projection '" + name + "' has no replay running");
        }
        if (!DealJourneyProjection.PROCESSOR.equals(name)) {
            throw new ViolationException("name", "projection '" + name + "' rebuilds in place: cancelling would leave"
                    + " it half-built, so its replay runs to the end");
        }
        log.info("Cancelling the replay of projection '{}'", name);
        processor.shutDown();
        try {
            TrackingToken frozenAt = positionBeforeReplay(name);
            journeys.cancelNextReset();
            processor.resetTokens(frozenAt);
        } finally {
            processor.start();
        }
        return status(name, processor, storeHead());
    }

    /**
     * The lowest position the live read model had reached when the replay started, over all segments (a replay token
     * remembers it). Restarting there redelivers at most a few events, which the idempotent projection skips.
     */
    private TrackingToken positionBeforeReplay(String name) {
        TrackingToken lowest = null;
        for (int segment : tokens.fetchSegments(name)) {
            TrackingToken token = tokens.fetchToken(name, segment);
            tokens.releaseClaim(name, segment);
            TrackingToken before = token instanceof ReplayToken replay ? replay.getTokenAtReset() : token;
            lowest = lowest == null ? before : before == null ? lowest : lowest.lowerBound(before);
        }
        return lowest;
    }

    /**
     * Switches the deal-journey replay over once every segment of the processor has stored a token at the replay's
     * target: its journeys are then all written (they are written before the token, see {@code WriteBehind}), and
     * no segment is still rebuilding. The positions are those this instance stored or fetched since the replay began
     * (the reset forgets earlier ones), so the switch waits for one instance to hold every segment. Synchronized with
     * {@link #replay} and {@link #cancel}: while they reset the tokens, the lanes may still show the live positions.
     */
    public synchronized void switchCaughtUpReplay() {
        replayJourneysOfAnEarlierFormat();
        if (journeys.replay() == null) {
            return;
        }
        List<Integer> segments = Arrays.stream(tokens.fetchSegments(DealJourneyProjection.PROCESSOR)).boxed().toList();
        OptionalLong position = lowestStoredPosition(segments);
        if (position.isPresent()) {
            journeys.switchIfCaughtUp(position.getAsLong());
        }
    }

    private ProjectionStatus status(String name, StreamingEventProcessor processor, long head) {
        Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
        String error = statuses.stream().filter(EventTrackerStatus::isErrorState)
                .map(s -> String.valueOf(s.getError())).findFirst().orElse(null);
        OptionalLong position = lowestPosition(statuses);
        JourneyStore.Replay staged = DealJourneyProjection.PROCESSOR.equals(name) ? journeys.replay() : null;
        boolean replaying = staged != null || statuses.stream().anyMatch(s -> s.isReplaying() && !s.isCaughtUp());
        Double progress;
        if (staged != null) {
            progress = position.isPresent() ? Math.min(1.0, Math.max(0, position.getAsLong())
                    / (double) Math.max(1, staged.target())) : 0.0;
        } else if (replaying) {
            progress = replayProgress(statuses);
        } else {
            progress = 1.0;
        }
        String state = error != null ? "ERROR" : !processor.isRunning() ? "STOPPED" : replaying ? "REPLAYING"
                : "RUNNING";
        return new ProjectionStatus(name, state, position.isPresent() ? position.getAsLong() : null,
                head < 0 ? null : head, progress, replaying, error);
    }

    /** The lowest position whose token {@code segments} have stored in this instance; empty if one has none. */
    private OptionalLong lowestStoredPosition(Collection<Integer> segments) {
        if (segments.isEmpty()) {
            return OptionalLong.empty();
        }
        long lowest = Long.MAX_VALUE;
        for (int segment : segments) {
            OptionalLong stored = journeyWrites.lane(segment).storedPosition();
            if (stored.isEmpty()) {
                return OptionalLong.empty();
            }
            lowest = Math.min(lowest, stored.getAsLong());
        }
        return OptionalLong.of(lowest);
    }

    private static OptionalLong lowestPosition(Collection<EventTrackerStatus> statuses) {
        if (statuses.isEmpty()) {
            return OptionalLong.empty();
        }
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : statuses) {
            OptionalLong position = status.getCurrentPosition();
            if (position.isEmpty()) {
                return OptionalLong.empty();
            }
            lowest = Math.min(lowest, position.getAsLong());
        }
        return OptionalLong.of(lowest);
    }

    private static double replayProgress(Collection<EventTrackerStatus> statuses) {
        double least = 1.0;
        for (EventTrackerStatus status : statuses) {
            if (status.isReplaying()) {
                long reset = status.getResetPosition().orElse(0);
                long current = status.getCurrentPosition().orElse(0);
                least = Math.min(least, reset <= 0 ? 0.0 : Math.min(1.0, current / (double) reset));
            }
        }
        return least;
    }

    private StreamingEventProcessor processor(String name) {
        TreeMap<String, StreamingEventProcessor> known = processors();
        StreamingEventProcessor processor = name == null ? null : known.get(name);
        if (processor == null) {
            throw new ViolationException("name", "no projection '" + name + "'; known projections are "
                    + known.keySet());
        }
        return processor;
    }

    private TreeMap<String, StreamingEventProcessor> processors() {
        TreeMap<String, StreamingEventProcessor> streaming = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor s) {
                streaming.put(name, s);
            }
        });
        return streaming;
    }

    private long storeHead() {
        Long head = events.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    private static String percent(double progress) {
        return String.format("%.0f%%", progress * 100);
    }

    /**
     * One projection's state.
     *
     * @param status    RUNNING, REPLAYING, STOPPED or ERROR
     * @param position  the lowest global index its segments have handled, null before any
     * @param head      the highest global index in the event store, null when it is empty
     * @param progress  share of a running replay done, 0 to 1; 1 when none runs
     */
    public record ProjectionStatus(String name, String status, Long position, Long head, double progress,
                                   boolean replaying, String error) {
    }
}
