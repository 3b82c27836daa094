package io.pipelens.query.admin;

import static io.pipelens.query.deal.DealEvents.aDealWonFromQualification;
import static io.pipelens.query.deal.DealEvents.asMessages;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pipelens.query.analytics.AnalyticsRegistry;
import io.pipelens.query.deal.DealFlowMetrics;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.DealJourneyProjection;
import io.pipelens.query.deal.JourneyStore;
import io.pipelens.query.processing.WriteBehind;
import io.pipelens.query.processing.WriteBehindTokenStore;
import io.pipelens.query.support.EventProcessing;
import io.pipelens.query.support.WireProtocolMongo;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A deal-journey replay switches in once every segment of its processor has stored a token at the replay's target,
 * not when the first one gets there: before that, another segment's deals are still being rebuilt.
 */
class ReplaySwitchTest {

    private static final long TARGET = 40;
    private static final String PROCESSOR = DealJourneyProjection.PROCESSOR;
    @RegisterExtension
    static final WireProtocolMongo mongo = WireProtocolMongo.perClass();
    private final InMemoryTokenStore stored = new InMemoryTokenStore();
    private final WriteBehind<DealJourney> writes = new WriteBehind<>(PROCESSOR, DealJourney::id);
    private final WriteBehindTokenStore tokens = new WriteBehindTokenStore(stored, PROCESSOR, writes);
    private JourneyStore journeys;
    private DealJourneyProjection projection;
    private ProjectionReplays replays;

    @BeforeEach
    void startReplay() {
        journeys = new JourneyStore(mongo.template(), new AnalyticsRegistry(mongo.template(), 3), () -> TARGET);
        projection = new DealJourneyProjection(journeys.readModel(writes),
                new DealFlowMetrics(new SimpleMeterRegistry()));
        EventProcessing.inOneBatch(projection, asMessages(aDealWonFromQualification("d1")));
        stored.initializeTokenSegments(PROCESSOR, 2);
        replays = new ProjectionReplays(null, stored, journeys, null, writes);
        EventProcessing.reset(projection);
    }

    @AfterEach
    void stopWriter() {
        writes.close();
    }

    @Test
    void switchesOnceEverySegmentHasStoredItsTokenAtTheTarget() {
        tokens.storeToken(new GlobalSequenceTrackingToken(TARGET), PROCESSOR, 0);
        replays.switchCaughtUpReplay();
        assertThat(journeys.replay()).as("one segment at the target, the other with no token stored here")
                .isNotNull();

        tokens.storeToken(new GlobalSequenceTrackingToken(TARGET - 1), PROCESSOR, 1);
        replays.switchCaughtUpReplay();
        assertThat(journeys.replay()).as("the other segment one event short").isNotNull();

        tokens.storeToken(new GlobalSequenceTrackingToken(TARGET + 3), PROCESSOR, 1);
        replays.switchCaughtUpReplay();
        assertThat(journeys.replay()).isNull();
    }

    @Test
    void aReplayJustStartedIsNotTakenForCaughtUpByThePositionsBeforeIt() {
        // The live processor had stored (or fetched) tokens at the head, which is the new replay's target.
        tokens.storeToken(new GlobalSequenceTrackingToken(TARGET), PROCESSOR, 0);
        tokens.storeToken(new GlobalSequenceTrackingToken(TARGET), PROCESSOR, 1);
        replays.switchCaughtUpReplay();
        assertThat(journeys.replay()).isNull();

        EventProcessing.reset(projection);
        replays.switchCaughtUpReplay();

        assertThat(journeys.replay()).as("a replay reset after the live tokens were stored").isNotNull();
    }

    @Test
    void aRestartedInstanceWhoseTokensAreAtTheTargetSwitchesWithNothingLeftToHandle() {
        // Killed after storing its last tokens, before the switch: the restart claims them and has nothing to store.
        stored.storeToken(new GlobalSequenceTrackingToken(TARGET), PROCESSOR, 0);
        stored.storeToken(new GlobalSequenceTrackingToken(TARGET), PROCESSOR, 1);
        WriteBehind<DealJourney> restarted = new WriteBehind<>(PROCESSOR, DealJourney::id);
        WriteBehindTokenStore restartedTokens = new WriteBehindTokenStore(stored, PROCESSOR, restarted);
        ProjectionReplays afterRestart = new ProjectionReplays(null, stored, journeys, null, restarted);

        afterRestart.switchCaughtUpReplay();
        assertThat(journeys.replay()).as("before the processor has claimed its segments").isNotNull();

        restartedTokens.fetchToken(PROCESSOR, 0);
        restartedTokens.fetchToken(PROCESSOR, 1);
        afterRestart.switchCaughtUpReplay();
        assertThat(journeys.replay()).isNull();
        restarted.close();
    }
}
