package io.pipelens.query.analytics.movement;

/**
 * How one stage's work in progress moved between t0 and t1 (DESIGN §10.3): end = start + inflow − outflow.
 *
 * @param openedInto   deals that appeared in the pipeline at the stage: opened there, or reaching it as their first
 *                     stage of the version after absorbed ones
 * @param forwardIn    moves into the stage from an earlier one
 * @param backwardIn   moves into the stage from a later one
 * @param reopenedInto reopenings into the stage
 * @param forwardOut   moves out of the stage to a later one
 * @param backwardOut  moves out of the stage to an earlier one
 * @param wonFrom      wins while at the stage
 * @param lostAt       losses while at the stage
 */
public record StageMovement(int position, String key, int startWip, int endWip, int openedInto, int forwardIn,
                            int backwardIn, int reopenedInto, int forwardOut, int backwardOut, int wonFrom,
                            int lostAt) {

    public int inflow() {
        return openedInto + forwardIn + backwardIn + reopenedInto;
    }

    public int outflow() {
        return forwardOut + backwardOut + wonFrom + lostAt;
    }
}
