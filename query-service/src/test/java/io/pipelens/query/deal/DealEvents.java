package io.pipelens.query.deal;

import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealAttributesChangedEvent;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealReopenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/** Deal events as the Deal aggregate emits them, at fixed business times, and ready-made histories. */
public final class DealEvents {

    public static final String PIPELINE = "solution-sales";
    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    public static final DealAttributes ANNA_INBOUND_SMB =
            new DealAttributes("anna", "inbound", "smb", new BigDecimal("12500.00"), "EUR");
    public static final DealAttributes BORIS_PARTNER_ENTERPRISE =
            new DealAttributes("boris", "partner", "enterprise", new BigDecimal("90000.50"), "USD");

    private DealEvents() {
    }

    public static Instant day(int days) {
        return T0.plus(Duration.ofDays(days));
    }

    public static DealOpenedEvent opened(String dealId, String stage, Instant at) {
        return opened(dealId, stage, ANNA_INBOUND_SMB, at);
    }

    public static DealOpenedEvent opened(String dealId, String stage, DealAttributes attributes, Instant at) {
        return new DealOpenedEvent(dealId, PIPELINE, stage, attributes, at);
    }

    public static DealOpenedEvent openedIn(String pipelineId, String dealId, String stage, Instant at) {
        return new DealOpenedEvent(dealId, pipelineId, stage, ANNA_INBOUND_SMB, at);
    }

    public static DealMovedToStageEvent moved(String dealId, String from, String to, Instant at) {
        return new DealMovedToStageEvent(dealId, PIPELINE, from, to, at);
    }

    public static DealWonEvent won(String dealId, String stage, Instant at) {
        return new DealWonEvent(dealId, PIPELINE, stage, at);
    }

    public static DealLostEvent lost(String dealId, String stage, String reason, Instant at) {
        return new DealLostEvent(dealId, PIPELINE, stage, reason, at);
    }

    public static DealReopenedEvent reopened(String dealId, String stage, Instant at) {
        return new DealReopenedEvent(dealId, PIPELINE, stage, at);
    }

    public static DealAttributesChangedEvent attributesChanged(String dealId, DealAttributes attributes, Instant at) {
        return new DealAttributesChangedEvent(dealId, PIPELINE, attributes, at);
    }

    /** contact (day 0) → profiling (day 1) → qualification (day 3) → won (day 10). */
    public static List<DealEvent> aDealWonFromQualification(String dealId) {
        return List.of(
                opened(dealId, "contact", day(0)),
                moved(dealId, "contact", "profiling", day(1)),
                moved(dealId, "profiling", "qualification", day(3)),
                won(dealId, "qualification", day(10)));
    }

    /** qualification (day 0) → lost (day 4) → reopened into qualification (day 20) → requirements (day 25), open. */
    public static List<DealEvent> aDealLostThenReopened(String dealId) {
        return List.of(
                opened(dealId, "qualification", BORIS_PARTNER_ENTERPRISE, day(0)),
                lost(dealId, "qualification", "no budget", day(4)),
                reopened(dealId, "qualification", day(20)),
                moved(dealId, "qualification", "requirements", day(25)));
    }

    /** The journey the events make, numbered from 0 as the aggregate numbers them. */
    public static DealJourney journeyOf(List<? extends DealEvent> events) {
        DealJourney journey = null;
        for (int sequence = 0; sequence < events.size(); sequence++) {
            journey = JourneyFold.apply(journey, events.get(sequence), sequence);
        }
        return journey;
    }

    /** The events as the event store delivers them: messages of each deal's stream, numbered from 0 per deal. */
    public static List<DomainEventMessage<?>> asMessages(List<? extends DealEvent> events) {
        Map<String, Long> next = new HashMap<>();
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (DealEvent event : events) {
            long sequence = next.merge(event.dealId(), 1L, Long::sum) - 1;
            messages.add(new GenericDomainEventMessage<>("Deal", AggregateIds.deal(event.dealId()), sequence, event));
        }
        return messages;
    }

    public static List<DomainEventMessage<?>> asMessages(DealEvent... events) {
        return asMessages(List.of(events));
    }
}
