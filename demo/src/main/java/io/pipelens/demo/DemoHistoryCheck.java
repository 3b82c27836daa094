package io.pipelens.demo;

import io.pipelens.kernel.AggregateIds;
import io.pipelens.kernel.deal.ChangeDealAttributesCommand;
import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealAttributesChangedEvent;
import io.pipelens.kernel.deal.DealCommand;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealReopenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.kernel.deal.LoseDealCommand;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.deal.ReopenDealCommand;
import io.pipelens.kernel.deal.WinDealCommand;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * An oracle for imports of generated histories: derives, by hand and without the Deal aggregate, the events a
 * generated history must leave in the store (demo histories obey the deal rules by construction, so every change
 * appends exactly one event), and compares them deal by deal, event by event, with what the store holds. Every
 * analytic is computed from these events, so equal streams mean equal analytics.
 */
public final class DemoHistoryCheck {

    private DemoHistoryCheck() {
    }

    /** What the store must hold for one generated history, in order. */
    public static List<DealEvent> expectedEvents(RecordDealHistoryCommand history) {
        List<DealEvent> events = new ArrayList<>();
        String pipelineId = null;
        String stage = null;
        for (DealCommand change : history.changes()) {
            if (change instanceof OpenDealCommand open) {
                pipelineId = open.pipelineId();
                stage = open.stage();
                events.add(new DealOpenedEvent(open.dealId(), pipelineId, stage, open.attributes(), open.occurredAt()));
            } else if (change instanceof MoveDealToStageCommand move) {
                events.add(new DealMovedToStageEvent(move.dealId(), pipelineId, stage, move.stage(), move.occurredAt()));
                stage = move.stage();
            } else if (change instanceof WinDealCommand win) {
                events.add(new DealWonEvent(win.dealId(), pipelineId, stage, win.occurredAt()));
            } else if (change instanceof LoseDealCommand lose) {
                events.add(new DealLostEvent(lose.dealId(), pipelineId, stage, lose.reason(), lose.occurredAt()));
            } else if (change instanceof ReopenDealCommand reopen) {
                stage = reopen.stage();
                events.add(new DealReopenedEvent(reopen.dealId(), pipelineId, stage, reopen.occurredAt()));
            } else if (change instanceof ChangeDealAttributesCommand attributes) {
                events.add(new DealAttributesChangedEvent(attributes.dealId(), pipelineId, attributes.attributes(),
                        attributes.occurredAt()));
            } else {
                throw new IllegalArgumentException("The generator does not produce " + change);
            }
        }
        return events;
    }

    /**
     * Where the store differs from the histories: one line per deal whose stream is not exactly its expected events,
     * at most {@code limit} lines. Empty when every deal matches.
     */
    public static List<String> differences(EventStore store, Iterator<RecordDealHistoryCommand> histories, int limit) {
        List<String> differences = new ArrayList<>();
        while (histories.hasNext() && differences.size() < limit) {
            RecordDealHistoryCommand history = histories.next();
            List<DealEvent> expected = expectedEvents(history);
            List<Object> actual = store.readEvents(AggregateIds.deal(history.dealId())).asStream()
                    .map(message -> (Object) message.getPayload()).toList();
            String difference = compare(expected, actual);
            if (difference != null) {
                differences.add("deal '" + history.dealId() + "': " + difference);
            }
        }
        return differences;
    }

    private static String compare(List<DealEvent> expected, List<Object> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            Object want = i < expected.size() ? expected.get(i) : null;
            Object got = i < actual.size() ? actual.get(i) : null;
            if (!same(want, got)) {
                return "event " + i + " is " + got + ", expected " + want + " (" + actual.size() + " events, expected "
                        + expected.size() + ")";
            }
        }
        return null;
    }

    /** Equal events; amounts compare by value, since 12500.50 and 12500.5 are the same amount. */
    private static boolean same(Object expected, Object actual) {
        if (expected instanceof DealOpenedEvent want && actual instanceof DealOpenedEvent got) {
            return want.dealId().equals(got.dealId()) && want.pipelineId().equals(got.pipelineId())
                    && want.stage().equals(got.stage()) && want.occurredAt().equals(got.occurredAt())
                    && sameAttributes(want.attributes(), got.attributes());
        }
        if (expected instanceof DealAttributesChangedEvent want && actual instanceof DealAttributesChangedEvent got) {
            return want.dealId().equals(got.dealId()) && want.pipelineId().equals(got.pipelineId())
                    && want.occurredAt().equals(got.occurredAt())
                    && sameAttributes(want.attributes(), got.attributes());
        }
        return Objects.equals(expected, actual);
    }

    private static boolean sameAttributes(DealAttributes want, DealAttributes got) {
        DealAttributes a = want == null ? DealAttributes.NONE : want;
        DealAttributes b = got == null ? DealAttributes.NONE : got;
        return Objects.equals(a.owner(), b.owner()) && Objects.equals(a.source(), b.source())
                && Objects.equals(a.segment(), b.segment()) && Objects.equals(a.currency(), b.currency())
                && Objects.equals(a.expectedCloseDate(), b.expectedCloseDate()) && sameAmount(a.amount(), b.amount());
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
