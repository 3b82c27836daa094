package io.pipelens.command.deal;

import io.pipelens.command.BusinessTime;
import java.time.Instant;

/**
 * The identity of a recorded change, used to recognise a retried command: its kind, the stage it concerns and its
 * business time. Commands without a business time never match, so they are never taken for a retry.
 */
record Transition(String kind, String stage, Instant occurredAt) {

    Transition {
        occurredAt = BusinessTime.normalize(occurredAt);
    }

    static Transition opened(String pipelineId, String stage, Instant occurredAt) {
        return new Transition("opened:" + pipelineId, stage, occurredAt);
    }

    static Transition moved(String stage, Instant occurredAt) {
        return new Transition("moved", stage, occurredAt);
    }

    static Transition won(Instant occurredAt) {
        return new Transition("won", null, occurredAt);
    }

    static Transition lost(Instant occurredAt) {
        return new Transition("lost", null, occurredAt);
    }

    static Transition reopened(String stage, Instant occurredAt) {
        return new Transition("reopened", stage, occurredAt);
    }
}
