package io.pipelens.query.analytics.forecast;

/** Age of the current visit in the forecast's states (DESIGN §10.4). */
public enum AgeBand {
    /** [0, 7) days. */
    DAYS_0_7,
    /** [7, 30) days. */
    DAYS_7_30,
    /** [30, 90) days. */
    DAYS_30_90,
    /** 90 days or more. */
    DAYS_90_PLUS;

    static AgeBand of(int state) {
        return values()[ChainStates.band(state)];
    }
}
