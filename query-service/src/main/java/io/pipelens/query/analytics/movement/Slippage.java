package io.pipelens.query.analytics.movement;

/**
 * Expected close dates moved between t0 and t1 (DESIGN §10.3).
 *
 * @param pushes    changes of an expected close date to a later one
 * @param slipDays  the days those changes moved the dates, summed
 * @param pulls     changes to an earlier date
 * @param pullDays  the days those changes moved the dates, summed (positive)
 * @param overdue   deals open at t1 whose expected close date is before t1's UTC date
 */
public record Slippage(int pushes, long slipDays, int pulls, long pullDays, int overdue) {
}
