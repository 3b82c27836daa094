package io.pipelens.query.deal;

import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealAttributesChangedEvent;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealReopenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies one deal event to a journey. Pure: the same events in the same order always give the same journey, which
 * is what makes replays exact. An event whose sequence number is not above the journey's last one was applied before
 * and changes nothing.
 */
public final class JourneyFold {

    private JourneyFold() {
    }

    public static DealJourney apply(DealJourney journey, DealEvent event, long sequence) {
        if (journey != null && sequence <= journey.lastSequence()) {
            return journey;
        }
        if (event instanceof DealOpenedEvent opened) {
            return opened(opened, sequence);
        }
        if (journey == null) {
            throw new IllegalStateException("Deal " + event.dealId() + " has event " + sequence + " ("
                    + event.getClass().getSimpleName() + ") but no journey: its opening event was never applied");
        }
        if (event instanceof DealMovedToStageEvent moved) {
            List<Visit> visits = closeCurrent(journey.visits(), moved.occurredAt(), null,
                    moved.confirmedCriteria());
            visits.add(new Visit(moved.toStage(), moved.occurredAt(), null));
            return with(journey, DealStatusView.OPEN, moved.toStage(), journey.closedAt(), journey.lostReason(), visits,
                    moved.occurredAt(), sequence);
        }
        if (event instanceof DealWonEvent won) {
            return with(journey, DealStatusView.WON, journey.stage(), won.occurredAt(), null,
                    closeCurrent(journey.visits(), won.occurredAt(), DealStatusView.WON,
                            won.confirmedCriteria()), won.occurredAt(), sequence);
        }
        if (event instanceof DealLostEvent lost) {
            return with(journey, DealStatusView.LOST, journey.stage(), lost.occurredAt(), lost.reason(),
                    closeCurrent(journey.visits(), lost.occurredAt(), DealStatusView.LOST, null), lost.occurredAt(),
                    sequence);
        }
        if (event instanceof DealReopenedEvent reopened) {
            List<Visit> visits = new ArrayList<>(journey.visits());
            visits.add(Visit.reopening(reopened.stage(), reopened.occurredAt()));
            return with(journey, DealStatusView.OPEN, reopened.stage(), null, null, visits, reopened.occurredAt(),
                    sequence);
        }
        if (event instanceof DealAttributesChangedEvent changed) {
            DealAttributes a = changed.attributes();
            List<Instant> changes = journey.attributesChangedAt() == null ? new ArrayList<>()
                    : new ArrayList<>(journey.attributesChangedAt());
            changes.add(changed.occurredAt());
            List<AttributesAt> history = new ArrayList<>();
            if (journey.attributeHistory() == null) {
                history.add(new AttributesAt(journey.openedAt(), journey.attributes()));
            } else {
                history.addAll(journey.attributeHistory());
            }
            history.add(new AttributesAt(changed.occurredAt(), a));
            return new DealJourney(journey.id(), journey.pipelineId(), a.owner(), a.source(), a.segment(), a.amount(),
                    a.currency(), a.expectedCloseDate(), journey.status(), journey.stage(), journey.openedAt(),
                    journey.closedAt(), journey.lostReason(), journey.visits(), changes, history, changed.occurredAt(),
                    sequence);
        }
        throw new IllegalArgumentException("Unknown deal event " + event.getClass().getName());
    }

    private static DealJourney opened(DealOpenedEvent opened, long sequence) {
        DealAttributes a = opened.attributes() == null ? DealAttributes.NONE : opened.attributes();
        return new DealJourney(opened.dealId(), opened.pipelineId(), a.owner(), a.source(), a.segment(), a.amount(),
                a.currency(), a.expectedCloseDate(), DealStatusView.OPEN, opened.stage(), opened.occurredAt(), null, null,
                List.of(new Visit(opened.stage(), opened.occurredAt(), null)), null, null, opened.occurredAt(),
                sequence);
    }

    private static List<Visit> closeCurrent(List<Visit> visits, Instant at, DealStatusView how,
                                            List<String> confirmed) {
        List<Visit> copy = new ArrayList<>(visits);
        int last = copy.size() - 1;
        if (last >= 0 && copy.get(last).isOpen()) {
            copy.set(last, copy.get(last).close(at, how, confirmed));
        }
        return copy;
    }

    private static DealJourney with(DealJourney j, DealStatusView status, String stage, Instant closedAt,
                                    String lostReason, List<Visit> visits, Instant at, long sequence) {
        return new DealJourney(j.id(), j.pipelineId(), j.owner(), j.source(), j.segment(), j.amount(), j.currency(),
                j.expectedCloseDate(), status, stage, j.openedAt(), closedAt, lostReason, visits,
                j.attributesChangedAt(), j.attributeHistory(), at, sequence);
    }
}
