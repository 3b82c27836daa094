package io.pipelens.query.deal;

import static io.pipelens.query.deal.DealEvents.aDealLostThenReopened;
import static io.pipelens.query.deal.DealEvents.aDealWonFromQualification;
import static io.pipelens.query.deal.DealEvents.asMessages;
import static io.pipelens.query.deal.DealEvents.journeyOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.query.analytics.AnalyticsRegistry;
import io.pipelens.query.processing.BatchedReadModel;
import io.pipelens.query.processing.WriteBehind;
import io.pipelens.query.support.EventProcessing;
import io.pipelens.query.support.WireProtocolMongo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A replay of the deal journeys builds into staging: the live journeys answer unchanged until the replay reaches the
 * store's head as it was at the reset, then the rebuilt ones replace them at once; a cancel keeps the live ones.
 */
class JourneyStoreTest {

    private static final long HEAD = 40;
    private static final Map<String, Integer> SEGMENT_0 = Map.of(
            BatchedReadModel.segmentResource(DealJourneyProjection.PROCESSOR), 0);
    @RegisterExtension
    static final WireProtocolMongo mongo = WireProtocolMongo.perClass();
    private MongoTemplate template;
    private JourneyStore journeys;
    private DealJourneyProjection projection;
    private final WriteBehind<DealJourney> writes = new WriteBehind<>(DealJourneyProjection.PROCESSOR, DealJourney::id);

    @BeforeEach
    void emptyDatabase() {
        template = mongo.template();
        journeys = new JourneyStore(template, new AnalyticsRegistry(template, 3), () -> HEAD);
        projection = new DealJourneyProjection(journeys.readModel(writes),
                new DealFlowMetrics(new SimpleMeterRegistry()));
        EventProcessing.inOneBatch(projection, asMessages(aDealWonFromQualification("d1")));
        EventProcessing.inOneBatch(projection, asMessages(aDealLostThenReopened("d2")));
    }

    @Test
    void aReplayAnswersFromTheLiveJourneysUntilItHasCaughtUp() {
        List<DealJourney> before = live();
        EventProcessing.reset(projection);

        assertThat(journeys.replay()).isEqualTo(new JourneyStore.Replay(HEAD, -1));
        assertThat(live()).as("live journeys right after the reset").isEqualTo(before);
        EventProcessing.inOneBatch(projection, asMessages(aDealWonFromQualification("d1")));
        assertThat(live()).as("live journeys while the replay has only d1").isEqualTo(before);
        assertThat(template.findAll(DealJourney.class, JourneyStore.STAGING)).extracting(DealJourney::id)
                .containsExactly("d1");
        assertThat(journeys.switchIfCaughtUp(HEAD - 1)).isFalse();
        assertThat(live()).isEqualTo(before);

        assertThat(journeys.switchIfCaughtUp(HEAD)).isTrue();
        assertThat(live()).extracting(DealJourney::id).containsExactly("d1");
        assertThat(journeys.replay()).isNull();
        assertThat(JourneyStore.staging(template)).isFalse();
        assertThat(template.collectionExists(JourneyStore.STAGING)).isFalse();
    }

    @Test
    void aDealAnotherInstanceStagedIsReadNotRebuiltFromItsLaterEvents() {
        EventProcessing.reset(projection);
        List<DealEvent> history = aDealWonFromQualification("d5");
        List<DomainEventMessage<?>> messages = asMessages(history);
        // Another instance handled this deal's segment earlier in the replay and staged its first two events.
        template.save(journeyOf(history.subList(0, 2)), JourneyStore.STAGING);

        EventProcessing.inOneBatch(projection, messages.subList(2, messages.size()));

        assertThat(template.findById("d5", DealJourney.class, JourneyStore.STAGING)).isEqualTo(journeyOf(history));
    }

    @Test
    void aReplayWritesBehindTheProcessorAndItsNextBatchesFoldOntoTheUnwrittenJourneys() throws Exception {
        EventProcessing.reset(projection);
        List<DomainEventMessage<?>> messages = asMessages(aDealWonFromQualification("d1"));
        CountDownLatch release = new CountDownLatch(1);
        // Another segment's write holds the one writer thread, so this segment's writes queue behind it.
        writes.lane(1).write(List.of(), journeys -> await(release));

        EventProcessing.inOneBatch(projection, messages.subList(0, 2), SEGMENT_0);
        EventProcessing.inOneBatch(projection, messages.subList(2, messages.size()), SEGMENT_0);

        assertThat(template.count(new Query(), JourneyStore.STAGING)).as("staged while the writer is held").isZero();
        release.countDown();
        writes.lane(0).drain();
        assertThat(template.findById("d1", DealJourney.class, JourneyStore.STAGING))
                .isEqualTo(journeyOf(aDealWonFromQualification("d1")));
    }

    @Test
    void aLiveBatchWaitsForItsWrite() {
        EventProcessing.inOneBatch(projection, asMessages(aDealWonFromQualification("d3")), SEGMENT_0);

        assertThat(live()).extracting(DealJourney::id).containsExactly("d1", "d2", "d3");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aStoreOpenedMidReplayIsStillStaging() {
        EventProcessing.reset(projection);
        EventProcessing.inOneBatch(projection, asMessages(aDealWonFromQualification("d3")));

        JourneyStore restarted = new JourneyStore(template, new AnalyticsRegistry(template, 3), () -> HEAD);

        assertThat(restarted.replay()).isEqualTo(new JourneyStore.Replay(HEAD, -1));
        assertThat(JourneyStore.staging(template)).isTrue();
        assertThat(live()).extracting(DealJourney::id).containsExactly("d1", "d2");
    }

    @Test
    void aCancelledReplayLeavesTheLiveJourneysAsTheyWere() {
        List<DealJourney> before = live();
        EventProcessing.reset(projection);
        EventProcessing.inOneBatch(projection, asMessages(aDealWonFromQualification("d3")));

        journeys.cancelNextReset();
        EventProcessing.reset(projection);

        assertThat(journeys.replay()).isNull();
        assertThat(template.collectionExists(JourneyStore.STAGING)).isFalse();
        assertThat(live()).isEqualTo(before);
        EventProcessing.inOneBatch(projection, asMessages(aDealWonFromQualification("d4")));
        assertThat(live()).extracting(DealJourney::id).containsExactly("d1", "d2", "d4");
    }

    @Test
    void aStoreFoundWithoutJourneysRecordsTheFormatItWrites() {
        // The store of emptyDatabase() started on an empty database, before the projection wrote its journeys.
        assertThat(recordedFormat()).isEqualTo(JourneyStore.FORMAT);
        assertThat(journeys.storedInEarlierFormat()).isFalse();
        assertThat(restart().storedInEarlierFormat()).as("after a restart").isFalse();
    }

    @Test
    void journeysFoundWithoutARecordedFormatAreOfAnEarlierOneUntilAReplaySwitchesIn() {
        template.remove(new Query(), JourneyStore.FORMATS);
        JourneyStore restarted = restart();
        assertThat(restarted.storedInEarlierFormat()).isTrue();
        assertThat(recordedFormat()).isNull();

        projection = new DealJourneyProjection(restarted.readModel(writes),
                new DealFlowMetrics(new SimpleMeterRegistry()));
        EventProcessing.reset(projection);
        assertThat(restarted.storedInEarlierFormat()).as("while the replay runs").isTrue();
        assertThat(restarted.switchIfCaughtUp(HEAD)).isTrue();

        assertThat(restarted.storedInEarlierFormat()).isFalse();
        assertThat(recordedFormat()).isEqualTo(JourneyStore.FORMAT);
    }

    @Test
    void aReplayAnEarlierReleaseBeganStagesJourneysOfTheEarlierFormat() {
        template.remove(new Query(), JourneyStore.FORMATS);
        // What an earlier release's replay, interrupted by its shutdown, left: its state names no format.
        template.getCollection(JourneyStore.STATE).insertOne(
                new Document("_id", JourneyStore.STATE_ID).append("target", HEAD));
        JourneyStore restarted = restart();
        assertThat(restarted.storedInEarlierFormat()).isTrue();

        assertThat(restarted.switchIfCaughtUp(HEAD)).isTrue();
        assertThat(restarted.storedInEarlierFormat()).isTrue();
        assertThat(recordedFormat()).isNull();
    }

    /** A store as the next start of the process finds the database. */
    private JourneyStore restart() {
        return new JourneyStore(template, new AnalyticsRegistry(template, 3), () -> HEAD);
    }

    private Integer recordedFormat() {
        Document recorded = template.findById(JourneyStore.FORMAT_ID, Document.class, JourneyStore.FORMATS);
        return recorded == null ? null : recorded.getInteger("format");
    }

    private List<DealJourney> live() {
        return template.find(new Query().with(Sort.by("_id")), DealJourney.class);
    }
}
