package io.pipelens.command.deal;

import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealAttributesChangedEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealReopenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import java.math.BigDecimal;
import java.time.Instant;

/** Deal events of the pipeline {@link #PIPELINE}, as the aggregate records them. */
final class DealEvents {

    static final String PIPELINE = "p1";
    static final DealAttributes ALICE_INBOUND = new DealAttributes("alice", "inbound", "SMB",
            new BigDecimal("12500.00"), "EUR");

    private DealEvents() {
    }

    static DealOpenedEvent opened(String dealId, String stage, Instant at) {
        return opened(dealId, stage, ALICE_INBOUND, at);
    }

    static DealOpenedEvent opened(String dealId, String stage, DealAttributes attributes, Instant at) {
        return new DealOpenedEvent(dealId, PIPELINE, stage, attributes, at);
    }

    static DealMovedToStageEvent moved(String dealId, String from, String to, Instant at) {
        return new DealMovedToStageEvent(dealId, PIPELINE, from, to, at);
    }

    static DealWonEvent won(String dealId, String stage, Instant at) {
        return new DealWonEvent(dealId, PIPELINE, stage, at);
    }

    static DealLostEvent lost(String dealId, String stage, String reason, Instant at) {
        return new DealLostEvent(dealId, PIPELINE, stage, reason, at);
    }

    static DealReopenedEvent reopened(String dealId, String stage, Instant at) {
        return new DealReopenedEvent(dealId, PIPELINE, stage, at);
    }

    static DealAttributesChangedEvent attributesChanged(String dealId, DealAttributes attributes, Instant at) {
        return new DealAttributesChangedEvent(dealId, PIPELINE, attributes, at);
    }
}
