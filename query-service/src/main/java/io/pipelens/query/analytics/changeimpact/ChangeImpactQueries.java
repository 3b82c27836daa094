package io.pipelens.query.analytics.changeimpact;

import io.pipelens.kernel.ViolationException;
import io.pipelens.query.analytics.AnalyticIndex;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.AnalyticsRegistry;
import io.pipelens.query.analytics.AnalyticsRequest;
import io.pipelens.query.analytics.AnalyticsRequests;
import io.pipelens.query.analytics.SliceInput;
import io.pipelens.query.analytics.VersionedJourney;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Change impact (DESIGN §9.4) over GraphQL ({@code analytics/changeimpact.graphqls}). */
@Controller
public class ChangeImpactQueries {

    /** Ten years: longer horizons or windows than any sales history holds are a mistake, not a question. */
    static final int MAX_DAYS = 3650;

    private final AnalyticsRequests requests;
    private final AnalyticsRegistry registry;

    public ChangeImpactQueries(AnalyticsRequests requests, AnalyticsRegistry registry) {
        this.requests = requests;
        this.registry = registry;
    }

    @QueryMapping
    public ChangeImpactAnswer changeImpact(@Argument String pipelineId, @Argument Integer version,
                                           @Argument SliceInput filter, @Argument Instant at,
                                           @Argument int horizonDays, @Argument int windowDays,
                                           @Argument Instant asOf) {
        checkDays("horizonDays", horizonDays);
        checkDays("windowDays", windowDays);
        AnalyticsRequest request = requests.request(pipelineId, version, null, filter, asOf);
        Instant t = (at == null ? latestRedefinition(pipelineId) : at).truncatedTo(ChronoUnit.MILLIS);
        checkWithinData(request.index(), t, request.asOf());
        ChangeImpactReport report = ChangeImpact.compute(request.version(), request.deals(),
                request.slice(), t, horizonDays, windowDays, request.asOf());
        return ChangeImpactAnswer.of(request.context(report.deals()), report);
    }

    private static void checkDays(String field, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new ViolationException(field, "must be between 1 and " + MAX_DAYS + " days, was " + days);
        }
    }

    /** The effective time of the pipeline's latest redefinition, the default time of the change. */
    private Instant latestRedefinition(String pipelineId) {
        AnalyticVersion newest = registry.newestVersion(pipelineId);
        if (newest.number() < 2 || newest.effectiveFrom() == null) {
            throw new ViolationException("at", "is required: pipeline '" + pipelineId
                    + "' has never been redefined, so there is no change to default to");
        }
        return newest.effectiveFrom();
    }

    /** The change must lie between the first deal's opening and the last deal event, both as of asOf. */
    private static void checkWithinData(AnalyticIndex index, Instant at, Instant asOf) {
        long asOfMillis = asOf.toEpochMilli();
        long firstOpening = Long.MAX_VALUE;
        for (VersionedJourney deal : index.deals()) {
            if (deal != null && deal.openedAt() <= asOfMillis) {
                firstOpening = Math.min(firstOpening, deal.openedAt());
            }
        }
        Instant lastEvent = index.lastEventAt(asOf);
        if (lastEvent == null || firstOpening == Long.MAX_VALUE) {
            throw new ViolationException("at", at + " is outside the data: the pipeline has no deal as of " + asOf);
        }
        if (at.toEpochMilli() < firstOpening) {
            throw new ViolationException("at", at + " is before the first deal was opened, at "
                    + Instant.ofEpochMilli(firstOpening));
        }
        if (at.isAfter(lastEvent)) {
            throw new ViolationException("at", at + " is after the last deal event as of " + asOf + ", at "
                    + lastEvent);
        }
    }
}
