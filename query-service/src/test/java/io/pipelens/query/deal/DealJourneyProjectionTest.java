package io.pipelens.query.deal;

import static io.pipelens.query.deal.DealEvents.aDealLostThenReopened;
import static io.pipelens.query.deal.DealEvents.aDealWonFromQualification;
import static io.pipelens.query.deal.DealEvents.asMessages;
import static io.pipelens.query.deal.DealEvents.day;
import static io.pipelens.query.deal.DealEvents.moved;
import static io.pipelens.query.deal.DealEvents.opened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.query.analytics.AnalyticsRegistry;
import io.pipelens.query.processing.WriteBehind;
import io.pipelens.query.support.EventProcessing;
import io.pipelens.query.support.WireProtocolMongo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** The deal-journey projection writing through the real MongoDB driver to a wire-protocol server. */
class DealJourneyProjectionTest {

    @RegisterExtension
    static final WireProtocolMongo mongo = WireProtocolMongo.perClass();

    private MongoTemplate template;
    private DealJourneyProjection projection;

    @BeforeEach
    void emptyDatabase() {
        template = mongo.template();
        projection = new DealJourneyProjection(new JourneyStore(template, new AnalyticsRegistry(template, 3), () -> -1)
                .readModel(new WriteBehind<>(DealJourneyProjection.PROCESSOR, DealJourney::id)),
                new DealFlowMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
    }

    @Test
    void storesOneJourneyPerDealFromABatchOfInterleavedEvents() {
        EventProcessing.inOneBatch(projection, twoDealsInterleaved());

        assertThat(stored()).containsExactly(
                new DealJourney("d1", DealEvents.PIPELINE, "anna", "inbound", "smb", new BigDecimal("12500.00"),
                        "EUR", DealStatusView.WON, "qualification", day(0), day(10), null, List.of(
                        new Visit("contact", day(0), day(1)),
                        new Visit("profiling", day(1), day(3)),
                        new Visit("qualification", day(3), day(10), null, DealStatusView.WON)), null, day(10), 3),
                new DealJourney("d2", DealEvents.PIPELINE, "boris", "partner", "enterprise",
                        new BigDecimal("90000.50"), "USD", DealStatusView.OPEN, "requirements", day(0), null, null,
                        List.of(
                                new Visit("qualification", day(0), day(4), null, DealStatusView.LOST),
                                new Visit("qualification", day(20), day(25), true),
                                new Visit("requirements", day(25), null)), null, day(25), 3));
    }

    @Test
    void givesTheSameJourneysWhetherEventsComeInOneBatchInSeveralOrOneByOne() {
        List<DomainEventMessage<?>> events = twoDealsInterleaved();
        EventProcessing.inOneBatch(projection, events);
        List<DealJourney> inOneBatch = stored();

        mongo.clear();
        EventProcessing.inOneBatch(projection, events.subList(0, 3));
        EventProcessing.inOneBatch(projection, events.subList(3, events.size()));
        List<DealJourney> inTwoBatches = stored();

        mongo.clear();
        EventProcessing.oneByOne(projection, events);
        List<DealJourney> oneByOne = stored();

        assertThat(inTwoBatches).isEqualTo(inOneBatch);
        assertThat(oneByOne).isEqualTo(inOneBatch);
    }

    @Test
    void applyingTheSameBatchTwiceGivesTheSameJourneys() {
        List<DomainEventMessage<?>> events = twoDealsInterleaved();
        EventProcessing.inOneBatch(projection, events);
        List<DealJourney> once = stored();

        EventProcessing.inOneBatch(projection, events);

        assertThat(stored()).isEqualTo(once);
    }

    @Test
    void aBatchRedeliveredFromTheMiddleOfTheLastOneChangesOnlyWhatIsNew() {
        List<DomainEventMessage<?>> events = twoDealsInterleaved();
        EventProcessing.inOneBatch(projection, events);
        List<DealJourney> expected = stored();
        mongo.clear();

        EventProcessing.inOneBatch(projection, events.subList(0, 5));
        EventProcessing.inOneBatch(projection, events.subList(2, events.size()));

        assertThat(stored()).isEqualTo(expected);
    }

    @Test
    void aBatchWithAnEventBeforeItsDealWasOpenedFailsAndWritesNothing() {
        List<DomainEventMessage<?>> events = new ArrayList<>(asMessages(opened("d1", "contact", day(0))));
        events.add(new GenericDomainEventMessage<>("Deal",
                AggregateIds.deal("d9"), 3, moved("d9", "contact", "profiling", day(1))));

        assertThatThrownBy(() -> EventProcessing.inOneBatch(projection, events))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("d9");
        assertThat(stored()).isEmpty();
    }

    @Test
    void resetEmptiesTheCollectionForAReplay() {
        EventProcessing.inOneBatch(projection, twoDealsInterleaved());
        assertThat(stored()).hasSize(2);

        EventProcessing.reset(projection);

        assertThat(template.count(new Query(), DealJourney.class)).isZero();
        EventProcessing.inOneBatch(projection, twoDealsInterleaved());
        assertThat(stored()).extracting(DealJourney::id).containsExactly("d1", "d2");
    }

    private List<DealJourney> stored() {
        return template.find(new Query().with(Sort.by("_id")), DealJourney.class);
    }

    /** d1 won from qualification and d2 lost, reopened and moved on, with their events interleaved. */
    private static List<DomainEventMessage<?>> twoDealsInterleaved() {
        List<DealEvent> first = aDealWonFromQualification("d1");
        List<DealEvent> second = aDealLostThenReopened("d2");
        List<DealEvent> interleaved = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            interleaved.add(first.get(i));
            interleaved.add(second.get(i));
        }
        return asMessages(interleaved);
    }
}
