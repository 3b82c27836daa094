package io.pipelens.query.analytics.criteria;

import io.pipelens.kernel.ViolationException;
import io.pipelens.query.analytics.AnalyticVersion;
import io.pipelens.query.analytics.AnalyticsRequest;
import java.util.List;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Exit criteria compliance and impact (DESIGN §9.1) over GraphQL ({@code analytics/criteria.graphqls}). */
@Controller
public class CriteriaQueries {

    /** @param stage the key of the one stage to answer for; null for every stage */
    @QueryMapping
    public CriteriaComplianceAnswer criteriaCompliance(AnalyticsRequest request, @Argument String stage) {
        checkStage(request.version(), stage);
        ComplianceReport report = CriteriaCompliance.compute(request.version(), request.deals(), request.population(),
                request.slice());
        return new CriteriaComplianceAnswer(request.context(report.deals()),
                only(report.stages(), stage, StageCompliance::key));
    }

    /**
     * @param stage the key of the one stage to answer for; null for every stage. The q-values are adjusted over the
     *              tables of the answer, so over that stage's alone when one is given.
     */
    @QueryMapping
    public CriteriaImpactAnswer criteriaImpact(AnalyticsRequest request, @Argument String stage) {
        AnalyticVersion version = request.version();
        checkStage(version, stage);
        ImpactReport report = CriteriaImpact.compute(version, request.deals(), request.population(), request.slice(),
                stage);
        return new CriteriaImpactAnswer(request.context(report.deals()), report.closedDeals(), report.stages());
    }

    private static void checkStage(AnalyticVersion version, String stage) {
        if (stage != null && version.stages().stream().noneMatch(s -> s.key().equals(stage))) {
            throw new ViolationException("stage", "'" + stage + "' is not a stage of version " + version.number()
                    + "; its stages are " + String.join(", ", version.stages().stream().map(s -> s.key()).toList()));
        }
    }

    private static <T> List<T> only(List<T> stages, String stage, Function<T, String> key) {
        return stage == null ? stages : stages.stream().filter(s -> key.apply(s).equals(stage)).toList();
    }
}
