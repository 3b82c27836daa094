package io.pipelens.query.analytics.trend;

import java.util.List;

/**
 * A trend under one pipeline version: its periods in time order.
 *
 * @param deals the deals that existed (had a path under the version) by the last period's end
 */
public record TrendReport(int version, TrendInterval interval, int deals, List<TrendPeriod> periods) {
}
