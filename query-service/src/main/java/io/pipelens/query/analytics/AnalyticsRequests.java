package io.pipelens.query.analytics;

import graphql.schema.DataFetchingEnvironment;
import io.pipelens.query.deal.JourneyStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.data.GraphQlArgumentBinder;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;

/**
 * Turns the arguments every analytics query shares into an {@link AnalyticsRequest}: the population and filter
 * checked, the analytic index of the asked (or newest ready) pipeline version, the replay under way and the time the
 * answer is as of.
 *
 * <p>It is also the argument resolver of the feature controllers: a {@code @QueryMapping} method that declares an
 * {@link AnalyticsRequest} parameter gets the request made from the field's {@code pipelineId}, {@code version},
 * {@code population}, {@code filter} and {@code asOf} arguments (those the field does not declare are null), so
 * each controller states only the arguments of its own analytic.
 */
@Component
public class AnalyticsRequests implements HandlerMethodArgumentResolver {

    private final AnalyticsRegistry registry;
    private final JourneyStore journeys;
    private final Clock clock;
    private final GraphQlArgumentBinder binder = new GraphQlArgumentBinder();

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

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AnalyticsRequest.class;
    }

    @Override
    public AnalyticsRequest resolveArgument(MethodParameter parameter, DataFetchingEnvironment environment)
            throws BindException {
        return request(environment.getArgument("pipelineId"), environment.getArgument("version"),
                (PopulationInput) bind(environment, "population", PopulationInput.class),
                (SliceInput) bind(environment, "filter", SliceInput.class),
                (Instant) bind(environment, "asOf", Instant.class));
    }

    private Object bind(DataFetchingEnvironment environment, String name, Class<?> type) throws BindException {
        return environment.containsArgument(name)
                ? binder.bind(environment, name, ResolvableType.forClass(type)) : null;
    }
}
