package io.pipelens.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pipelens.kernel.ViolationException;
import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.kernel.pipeline.PipelineDefinedEvent;
import io.pipelens.kernel.pipeline.PipelineRedefinedEvent;
import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.kernel.pipeline.StageMapping;
import io.pipelens.query.analytics.funnel.FunnelAnswer;
import io.pipelens.query.analytics.funnel.FunnelQueries;
import io.pipelens.query.analytics.funnel.FunnelStage;
import io.pipelens.query.analytics.oracle.Oracle;
import io.pipelens.query.analytics.skipimpact.SkipImpactAnswer;
import io.pipelens.query.analytics.skipimpact.SkipImpactQueries;
import io.pipelens.query.analytics.skipimpact.StageSkipImpact;
import io.pipelens.query.analytics.timeinstage.StageTimes;
import io.pipelens.query.analytics.timeinstage.TimeInStageAnswer;
import io.pipelens.query.analytics.timeinstage.TimeInStageQueries;
import io.pipelens.query.analytics.timeinstage.TimeMode;
import io.pipelens.query.deal.DealEvents;
import io.pipelens.query.deal.DealFlowMetrics;
import io.pipelens.query.deal.DealJourney;
import io.pipelens.query.deal.DealJourneyProjection;
import io.pipelens.query.deal.JourneyStore;
import io.pipelens.query.pipeline.PipelineEvents;
import io.pipelens.query.pipeline.PipelineProjection;
import io.pipelens.query.processing.WriteBehind;
import io.pipelens.query.support.EventProcessing;
import io.pipelens.query.support.WireProtocolMongo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A redefinition over 5,000 generated deals, through the projections and the registry as the service runs them. v1
 * has activity stages ("call", "proposal sent"); v2 absorbs them and adds "qualification". While v2 builds (held
 * half-way by a latch in the rebuild), every answer is the complete v1 one with the rebuild's progress; once built,
 * the v2 answers equal the oracle's v2 computation over the same events.
 */
class RedefinitionTest {

    private static final String PIPELINE = "redefined";
    private static final int DEALS = 5_000;
    private static final int HOLD_AT = 2_500;
    private static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");
    private static final Instant AS_OF = T0.plus(Duration.ofDays(400));
    private static final double RELATIVE = 1e-9;
    private static final List<String> V1 = List.of("lead", "call", "discovery", "proposal sent", "negotiation");
    private static final List<String> OWNERS = List.of("ann", "bo", "cy");

    private WireProtocolMongo mongo;
    private final AtomicInteger v2Loaded = new AtomicInteger();
    private final CountDownLatch halfway = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void startMongo() {
        mongo = WireProtocolMongo.start();
    }

    @AfterEach
    void stopMongo() {
        release.countDown();
        mongo.close();
    }

    @Test
    void v2AnswersEqualTheOracleAndV1AnswersWhileItBuilds() throws InterruptedException {
        RebuildPacer holdV2HalfWay = index -> {
            if (index.version().number() == 2 && v2Loaded.incrementAndGet() == HOLD_AT) {
                halfway.countDown();
                awaitQuietly(release);
            }
        };
        AnalyticsRegistry registry = new AnalyticsRegistry(mongo.template(), 3, holdV2HalfWay, null);
        registry.afterSingletonsInstantiated();
        JourneyStore journeys = new JourneyStore(mongo.template(), registry, () -> -1);
        DealJourneyProjection dealProjection = new DealJourneyProjection(
                journeys.readModel(new WriteBehind<>(DealJourneyProjection.PROCESSOR, DealJourney::id)),
                new DealFlowMetrics(new SimpleMeterRegistry()));
        PipelineProjection pipelineProjection = new PipelineProjection(mongo.template(), registry);
        // The service clock stands at AS_OF, so a time-in-stage query that names no time is answered as of then.
        Queries queries = Queries.of(new AnalyticsRequests(registry, journeys, Clock.fixed(AS_OF, ZoneOffset.UTC)));

        List<StageDefinition> v1Stages = V1.stream().map(RedefinitionTest::stage).toList();
        List<StageDefinition> v2Stages = List.of(stage("lead"), stage("qualification"), stage("discovery"),
                stage("negotiation"));
        List<StageMapping> v2Mapping = List.of(StageMapping.to("lead", "lead"), StageMapping.absorbed("call"),
                StageMapping.to("discovery", "discovery"), StageMapping.absorbed("proposal sent"),
                StageMapping.to("negotiation", "negotiation"));
        PipelineDefinedEvent defined = new PipelineDefinedEvent(PIPELINE, "Redefined", 1, v1Stages, T0);
        PipelineRedefinedEvent redefined = new PipelineRedefinedEvent(PIPELINE, 2, v2Stages, v2Mapping,
                T0.plus(Duration.ofDays(300)));
        List<DomainEventMessage<?>> pipelineMessages = PipelineEvents.asMessages(PIPELINE, defined, redefined);

        EventProcessing.inOneBatch(pipelineProjection, pipelineMessages.subList(0, 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> answers(queries, null) != null);
        List<List<DealEvent>> histories = histories(new Random(20260301));
        List<DealEvent> all = new ArrayList<>();
        histories.forEach(all::addAll);
        List<DomainEventMessage<?>> dealMessages = DealEvents.asMessages(all);
        for (int from = 0; from < dealMessages.size(); from += 500) {
            EventProcessing.inOneBatch(dealProjection, dealMessages.subList(from, Math.min(from + 500,
                    dealMessages.size())));
        }
        Oracle v1 = new Oracle(v1Stages, List.of());
        Answers v1Complete = answers(queries, null);
        assertThat(v1Complete.funnel().context().deals()).isEqualTo(DEALS);
        assertMatches(v1Complete, v1, histories);

        EventProcessing.inOneBatch(pipelineProjection, pipelineMessages.subList(1, 2));
        assertThat(halfway.await(30, TimeUnit.SECONDS)).as("v2 rebuild reached the hold point").isTrue();

        Answers during = answers(queries, null);
        assertThat(during.funnel().context().version()).isEqualTo(1);
        assertThat(during.funnel().context().rebuilding()).isNotNull();
        assertThat(during.funnel().context().rebuilding().version()).isEqualTo(2);
        assertThat(during.funnel().context().rebuilding().progress())
                .isEqualTo((HOLD_AT - 1) / (double) DEALS);
        assertThat(during.funnel().stages()).isEqualTo(v1Complete.funnel().stages());
        assertThat(during.timeInStage().stages()).isEqualTo(v1Complete.timeInStage().stages());
        assertThat(during.skipImpact().stages()).isEqualTo(v1Complete.skipImpact().stages());
        assertMatches(during, v1, histories);
        assertThatThrownBy(() -> queries.requests().request(PIPELINE, 2, null, null, null))
                .isInstanceOf(ViolationException.class).hasMessageContaining("version")
                .hasMessageContaining("still being built");

        release.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> answers(queries, null).funnel().context().version() == 2);
        Answers v2 = answers(queries, null);
        assertThat(v2.funnel().context().rebuilding()).isNull();
        assertThat(v2.funnel().stages()).extracting(FunnelStage::key)
                .containsExactly("lead", "qualification", "discovery", "negotiation");
        assertMatches(v2, new Oracle(v2Stages, v2Mapping), histories);
        assertMatches(answers(queries, 1), v1, histories);
    }

    /**
     * Seeded deals: each opens at "lead" or (one in ten) mid-pipeline, moves forward with skips, now and then back,
     * and ends won, lost or still open; times in whole hours over about 300 days.
     */
    private static List<List<DealEvent>> histories(Random random) {
        List<List<DealEvent>> histories = new ArrayList<>();
        for (int n = 0; n < DEALS; n++) {
            String id = "r" + n;
            DealAttributes attributes = new DealAttributes(OWNERS.get(random.nextInt(OWNERS.size())), "inbound",
                    "SMB", null, null);
            Instant at = T0.plus(Duration.ofHours(random.nextInt(24 * 250)));
            int position = random.nextInt(10) == 0 ? 1 + random.nextInt(V1.size() - 1) : 0;
            List<DealEvent> history = new ArrayList<>();
            history.add(new DealOpenedEvent(id, PIPELINE, V1.get(position), attributes, at));
            int moves = random.nextInt(6);
            for (int m = 0; m < moves; m++) {
                int next = random.nextInt(8) == 0 ? Math.max(0, position - 1)
                        : Math.min(V1.size() - 1, position + 1 + (random.nextInt(3) == 0 ? 1 : 0));
                if (next == position) {
                    break;
                }
                at = at.plus(Duration.ofHours(1 + random.nextInt(24 * 20)));
                history.add(new DealMovedToStageEvent(id, PIPELINE, V1.get(position), V1.get(next), at));
                position = next;
            }
            at = at.plus(Duration.ofHours(1 + random.nextInt(24 * 10)));
            int end = random.nextInt(3);
            if (end == 0) {
                history.add(new DealWonEvent(id, PIPELINE, V1.get(position), at));
            } else if (end == 1) {
                history.add(new DealLostEvent(id, PIPELINE, V1.get(position), "no budget", at));
            }
            histories.add(history);
        }
        return histories;
    }

    private record Queries(AnalyticsRequests requests, FunnelQueries funnel, TimeInStageQueries timeInStage,
                           SkipImpactQueries skipImpact) {

        static Queries of(AnalyticsRequests requests) {
            return new Queries(requests, new FunnelQueries(), new TimeInStageQueries(), new SkipImpactQueries());
        }
    }

    private record Answers(FunnelAnswer funnel, TimeInStageAnswer timeInStage, SkipImpactAnswer skipImpact) {
    }

    private static Answers answers(Queries queries, Integer version) {
        try {
            AnalyticsRequest request = queries.requests().request(PIPELINE, version, null, null, null);
            return new Answers(queries.funnel().funnel(request, null),
                    queries.timeInStage().timeInStage(request, TimeMode.CUMULATIVE),
                    queries.skipImpact().skipImpact(request, List.of()));
        } catch (ViolationException notYet) {
            return null;
        }
    }

    private static void assertMatches(Answers answers, Oracle oracle, List<List<DealEvent>> histories) {
        List<Oracle.Deal> deals = oracle.select(histories, new Oracle.Query("ALL", null, null, null, null, null));
        Oracle.Funnel funnel = oracle.funnel(deals);
        assertThat(answers.funnel().context().deals()).as("deals with a path under the version")
                .isEqualTo(funnel.deals()).isPositive();
        assertThat(List.of(answers.funnel().open(), answers.funnel().won(), answers.funnel().lost()))
                .isEqualTo(List.of(funnel.open(), funnel.won(), funnel.lost()));
        for (int k = 0; k < funnel.stages().size(); k++) {
            FunnelStage row = answers.funnel().stages().get(k);
            Oracle.FunnelStage want = funnel.stages().get(k);
            assertThat(List.of(row.reached(), row.visited(), row.skipped(), row.openAt(), row.lostAt(),
                    row.wonFrom(), row.progressed())).as("funnel stage %d", k + 1).isEqualTo(List.of(want.reached(),
                    want.visited(), want.skipped(), want.openAt(), want.lostAt(), want.wonFrom(), want.progressed()));
            close("conversion at stage " + (k + 1), row.stageConversion(), want.stageConversion());
        }
        List<Oracle.StageTime> times = oracle.timeInStage(deals, TimeMode.CUMULATIVE.name(), AS_OF);
        assertThat(answers.timeInStage().asOf()).isEqualTo(AS_OF);
        assertThat(answers.timeInStage().stages()).hasSize(times.size());
        for (int k = 0; k < times.size(); k++) {
            StageTimes row = answers.timeInStage().stages().get(k);
            Oracle.StageTime want = times.get(k);
            assertThat(row.durations().count()).as("time count at stage %d", k + 1)
                    .isEqualTo(want.summary().count());
            assertThat(row.censored()).isEqualTo(want.censored());
            close("median at stage " + (k + 1), row.durations().medianSeconds(), want.summary().median());
            close("p90 at stage " + (k + 1), row.durations().p90Seconds(), want.summary().p90());
            close("mean at stage " + (k + 1), row.durations().meanSeconds(), want.summary().mean());
            close("KM median at stage " + (k + 1), row.kaplanMeierMedianSeconds(), want.kaplanMeierMedian());
        }
        List<Oracle.SkipStage> skips = oracle.skipImpact(deals);
        for (int k = 0; k < skips.size(); k++) {
            StageSkipImpact row = answers.skipImpact().stages().get(k);
            Oracle.SkipStage want = skips.get(k);
            assertThat(List.of(row.skippedLost(), row.skippedWon(), row.visitedLost(), row.visitedWon()))
                    .as("skip table at stage %d", k + 1).isEqualTo(List.of(want.a(), want.b(), want.c(), want.d()));
            close("Fisher p at stage " + (k + 1), row.fisherP(), want.p());
            close("q at stage " + (k + 1), row.q(), want.q());
            close("RR at stage " + (k + 1), row.relativeRisk(), want.relativeRisk());
        }
    }

    private static void close(String what, Double actual, Double expected) {
        if (expected == null || actual == null) {
            assertThat(actual).as(what).isEqualTo(expected);
            return;
        }
        double tolerance = RELATIVE * Math.max(Math.abs(expected), Math.abs(actual));
        assertThat(Math.abs(actual - expected)).as(what + ": engine " + actual + ", oracle " + expected)
                .isLessThanOrEqualTo(tolerance);
    }

    private static StageDefinition stage(String key) {
        return new StageDefinition(key, key, null, null, null);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
