package io.pipelens.query.analytics.api;

import io.pipelens.kernel.Violation;
import io.pipelens.kernel.ViolationException;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.BottleneckReport;
import io.pipelens.query.analytics.CurrencyVelocity;
import io.pipelens.query.analytics.FunnelPolicy;
import io.pipelens.query.analytics.FunnelReport;
import io.pipelens.query.analytics.FunnelStage;
import io.pipelens.query.analytics.Interval;
import io.pipelens.query.analytics.Population;
import io.pipelens.query.analytics.SkipImpactReport;
import io.pipelens.query.analytics.Slice;
import io.pipelens.query.analytics.StageLoad;
import io.pipelens.query.analytics.StageSkipImpact;
import io.pipelens.query.analytics.StageTimes;
import io.pipelens.query.analytics.TimeInStageReport;
import io.pipelens.query.analytics.TimeMode;
import io.pipelens.query.analytics.VelocityReport;
import io.pipelens.query.deal.JourneyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The analytics of DESIGN §7 over GraphQL. Each query picks the analytic index of the asked (or newest ready)
 * pipeline version and delegates to it; every answer states the version, population and filter it used and how many
 * deals it covers.
 */
@Controller
public class AnalyticsQueries {

    static final int MAX_WINDOW_DAYS = 3660;

    private final AnalyticsRegistry registry;
    private final JourneyStore journeys;
    private final Clock clock;

    public AnalyticsQueries(AnalyticsRegistry registry, JourneyStore journeys, Clock clock) {
        this.registry = registry;
        this.journeys = journeys;
        this.clock = clock;
    }

    @QueryMapping
    public FunnelAnswer funnel(@Argument String pipelineId, @Argument Integer version,
                               @Argument PopulationInput population, @Argument SliceInput filter,
                               @Argument FunnelPolicy policy) {
        Request request = request(pipelineId, version, population, filter, null);
        FunnelReport report = request.index().funnel(request.population(), request.slice());
        return new FunnelAnswer(request.context(report.deals()), policy, report.open(), report.won(), report.lost(),
                report.winRate(), report.winRateCi(), report.stages());
    }

    @QueryMapping
    public TimeInStageAnswer timeInStage(@Argument String pipelineId, @Argument Integer version,
                                         @Argument PopulationInput population, @Argument SliceInput filter,
                                         @Argument TimeMode mode, @Argument Instant asOf) {
        Request request = request(pipelineId, version, population, filter, asOf);
        TimeInStageReport report = request.index().timeInStage(request.population(), request.slice(), mode,
                request.asOf());
        return new TimeInStageAnswer(request.context(report.deals()), report.mode(), report.asOf(), report.stages());
    }

    @QueryMapping
    public SkipImpactAnswer skipImpact(@Argument String pipelineId, @Argument Integer version,
                                       @Argument PopulationInput population, @Argument SliceInput filter) {
        Request request = request(pipelineId, version, population, filter, null);
        SkipImpactReport report = request.index().skipImpact(request.population(), request.slice());
        return new SkipImpactAnswer(request.context(report.deals()), report.closedDeals(), report.stages());
    }

    @QueryMapping
    public BottlenecksAnswer bottlenecks(@Argument String pipelineId, @Argument Integer version,
                                         @Argument PopulationInput population, @Argument SliceInput filter,
                                         @Argument Instant asOf, @Argument int windowDays) {
        if (windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
            throw new ViolationException("windowDays", "must be between 1 and " + MAX_WINDOW_DAYS + ", was "
                    + windowDays);
        }
        Request request = request(pipelineId, version, population, filter, asOf);
        BottleneckReport report = request.index().bottlenecks(request.population(), request.slice(),
                request.asOf(), Duration.ofDays(windowDays));
        return new BottlenecksAnswer(request.context(report.deals()), report.asOf(),
                report.window().toMillis() / 86_400_000.0, report.bottleneckKey(), report.stages());
    }

    @QueryMapping
    public SalesVelocityAnswer salesVelocity(@Argument String pipelineId, @Argument Integer version,
                                             @Argument PopulationInput population, @Argument SliceInput filter) {
        Request request = request(pipelineId, version, population, filter, null);
        VelocityReport report = request.index().salesVelocity(request.population(), request.slice());
        return new SalesVelocityAnswer(request.context(report.deals()), report.currencies());
    }

    @QueryMapping
    public VersionComparison compareVersions(@Argument String pipelineId, @Argument int a, @Argument int b,
                                             @Argument PopulationInput population, @Argument SliceInput filter,
                                             @Argument FunnelPolicy policy, @Argument TimeMode mode,
                                             @Argument Instant asOf) {
        Instant at = asOf == null ? clock.instant() : asOf;
        return new VersionComparison(
                compared("a", pipelineId, a, population, filter, policy, mode, at),
                compared("b", pipelineId, b, population, filter, policy, mode, at));
    }

    /** One side of a comparison; a refused version is named by its argument, {@code a} or {@code b}. */
    private VersionAnalytics compared(String argument, String pipelineId, int version, PopulationInput population,
                                      SliceInput filter, FunnelPolicy policy, TimeMode mode, Instant asOf) {
        try {
            return versionAnalytics(pipelineId, version, population, filter, policy, mode, asOf);
        } catch (ViolationException e) {
            throw new ViolationException(e.violations().stream()
                    .map(v -> v.field().equals("version") ? new Violation(argument, v.reason()) : v)
                    .toList());
        }
    }

    private VersionAnalytics versionAnalytics(String pipelineId, int version, PopulationInput population,
                                              SliceInput filter, FunnelPolicy policy, TimeMode mode, Instant asOf) {
        return new VersionAnalytics(version,
                funnel(pipelineId, version, population, filter, policy),
                timeInStage(pipelineId, version, population, filter, mode, asOf),
                skipImpact(pipelineId, version, population, filter));
    }

    /** @param asOf the asked time, or null for now; kept to the millisecond, as business time is */
    private Request request(String pipelineId, Integer version, PopulationInput population, SliceInput filter,
                            Instant asOf) {
        Population chosen = population == null ? Population.ALL : population.toPopulation();
        Slice slice = filter == null ? Slice.ALL : new Slice(filter.owner(), filter.source(), filter.segment());
        JourneyStore.Replay replay = journeys.replay();
        AnalyticsRegistry.Selected selected = journeys.read(() -> registry.select(pipelineId, version));
        return new Request(pipelineId, selected, chosen, slice, replay,
                (asOf == null ? clock.instant() : asOf).truncatedTo(ChronoUnit.MILLIS));
    }

    private record Request(String pipelineId, AnalyticsRegistry.Selected selected, Population population,
                           Slice slice, JourneyStore.Replay replay, Instant asOf) {

        AnalyticIndex index() {
            return selected.index();
        }

        AnswerContext context(int deals) {
            return AnswerContext.of(pipelineId, selected, population, slice, deals, deals == 0 ? note(slice) : null,
                    replay, asOf);
        }

        private static String note(Slice slice) {
            List<String> given = new ArrayList<>();
            if (slice.owner() != null) {
                given.add("owner '" + slice.owner() + "'");
            }
            if (slice.source() != null) {
                given.add("source '" + slice.source() + "'");
            }
            if (slice.segment() != null) {
                given.add("segment '" + slice.segment() + "'");
            }
            return given.isEmpty() ? "no deal of the pipeline falls in the population"
                    : "no deal of the pipeline in the population has " + String.join(" and ", given);
        }
    }

    /** The population argument; its period is checked when it becomes a {@link Population}. */
    public record PopulationInput(Population.Basis basis, Instant from, Instant to) {

        Population toPopulation() {
            try {
                return new Population(basis == null ? Population.Basis.ALL : basis, from, to);
            } catch (IllegalArgumentException e) {
                throw new ViolationException("population", e.getMessage());
            }
        }
    }

    /** The filter argument. */
    public record SliceInput(String owner, String source, String segment) {
    }

    /**
     * What an answer was computed over, and as of when: {@code asOf} (to the millisecond), the last deal event at or
     * before it, and a note when asOf lies far past that event (DESIGN §10.1).
     */
    public record AnswerContext(String pipelineId, int version, Population population, Slice filter, int deals,
                                String note, AnalyticsRegistry.Rebuild rebuilding, JourneyStore.Replay replay,
                                Instant asOf, Instant lastEventAt) {

        /** @param selectionNote what to say about the selection itself (no deal matched), or null */
        public static AnswerContext of(String pipelineId, AnalyticsRegistry.Selected selected, Population population,
                                       Slice filter, int deals, String selectionNote, JourneyStore.Replay replay,
                                       Instant asOf) {
            Instant at = asOf.truncatedTo(ChronoUnit.MILLIS);
            Instant lastEventAt = selected.index().lastEventAt(at);
            String historyNote = HistoryEnd.note(at, lastEventAt);
            String note = selectionNote == null ? historyNote
                    : historyNote == null ? selectionNote : selectionNote + "; " + historyNote;
            return new AnswerContext(pipelineId, selected.index().version().number(), population, filter, deals,
                    note, selected.rebuilding(), replay, at, lastEventAt);
        }
    }

    public record FunnelAnswer(AnswerContext context, FunnelPolicy policy, int open, int won, int lost,
                               Double winRate, Interval winRateCi, List<FunnelStage> stages) {
    }

    public record TimeInStageAnswer(AnswerContext context, TimeMode mode, Instant asOf, List<StageTimes> stages) {
    }

    public record SkipImpactAnswer(AnswerContext context, int closedDeals, List<StageSkipImpact> stages) {
    }

    public record BottlenecksAnswer(AnswerContext context, Instant asOf, double windowDays, String bottleneck,
                                    List<StageLoad> stages) {
    }

    public record VersionComparison(VersionAnalytics a, VersionAnalytics b) {
    }

    public record VersionAnalytics(int version, FunnelAnswer funnel, TimeInStageAnswer timeInStage,
                                   SkipImpactAnswer skipImpact) {
    }

    public record SalesVelocityAnswer(AnswerContext context, List<CurrencyVelocity> currencies) {
    }
}
