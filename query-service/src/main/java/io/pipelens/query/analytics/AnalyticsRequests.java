package io.pipelens.query.analytics;

import io.pipelens.query.deal.JourneyStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * Turns the arguments every analytics query shares into an {@link AnalyticsRequest}: the population and filter
 * checked, the analytic index of the asked (or newest ready) pipeline version, the replay under way and the time the
 * answer is as of.
 */
@Component
public class AnalyticsRequests {

    private final AnalyticsRegistry registry;
    private final JourneyStore journeys;
    private final Clock clock;

    public AnalyticsRequests(AnalyticsRegistry registry, JourneyStore journeys, Clock clock) {
        this.registry = registry;
        this.journeys = journeys;
        this.clock = clock;
    }

    /** @param asOf the asked time, or null for now; kept to the millisecond, as business time is */
    public AnalyticsRequest request(String pipelineId, Integer version, PopulationInput population,
                                    SliceInput filter, Instant asOf) {
        Population chosen = population == null ? Population.ALL : population.toPopulation();
        Slice slice = filter == null ? Slice.ALL : new Slice(filter.owner(), filter.source(), filter.segment());
        JourneyStore.Replay replay = journeys.replay();
        AnalyticsRegistry.Selected selected = journeys.read(() -> registry.select(pipelineId, version));
        return new AnalyticsRequest(pipelineId, selected, chosen, slice, replay,
                (asOf == null ? clock.instant() : asOf).truncatedTo(ChronoUnit.MILLIS));
    }
}
