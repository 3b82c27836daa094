package io.pipelens.demo;

import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealCommand;
import io.pipelens.kernel.deal.LoseDealCommand;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.deal.ReopenDealCommand;
import io.pipelens.kernel.deal.WinDealCommand;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Realistic, reproducible deal histories for the 9-stage template: log-normal dwell times per stage, deals that start
 * mid-pipeline, skipped stages, backward moves, losses at every stage, reopenings, owners, sources, segments and
 * amounts. Deals opened near the end of the window are still open. A built-in effect: deals that skip qualification
 * are lost about twice as often as those that pass through it. The same seed always gives the same histories.
 */
public final class DemoHistories {

    static final List<String> STAGES = SolutionSalesTemplate.STAGES.stream().map(s -> s.key()).toList();
    private static final int QUALIFICATION = STAGES.indexOf("qualification");
    private static final int SIGNING = STAGES.indexOf("signing");
    /** Median days a deal stays at each stage. */
    private static final double[] MEDIAN_DAYS = {3, 7, 10, 14, 12, 8, 6, 30, 45};
    /** Chance of losing the deal at each stage (before the skip effect). */
    private static final double[] LOSE = {0.18, 0.16, 0.14, 0.10, 0.09, 0.08, 0.04, 0.02, 0.02};
    private static final String[] OWNERS = {"ann", "boris", "chen", "dana", "emil", "fatima", "george", "hana",
        "ivan", "julia", "kofi", "lena"};
    private static final String[] SOURCES = {"inbound", "outbound", "referral", "partner", "event"};
    private static final String[] SEGMENTS = {"SMB", "mid-market", "enterprise"};
    private static final String[] LOSS_REASONS = {"no budget", "chose a competitor", "no decision", "timing",
        "requirements not met"};

    private final String pipelineId;
    private final long seed;
    private final Instant windowStart;
    private final Instant asOf;

    /**
     * @param pipelineId the pipeline the deals belong to (defined with the 9-stage template)
     * @param seed       the same seed gives the same histories
     * @param asOf       the end of the window: no change happens after it; deals are opened over the two years before
     */
    public DemoHistories(String pipelineId, long seed, Instant asOf) {
        this.pipelineId = pipelineId;
        this.seed = seed;
        this.asOf = asOf;
        this.windowStart = asOf.minus(Duration.ofDays(730));
    }

    /** Deals {@code from} (inclusive) to {@code to} (exclusive), each one history of commands. */
    public Stream<RecordDealHistoryCommand> deals(int from, int to) {
        return IntStream.range(from, to).mapToObj(this::deal);
    }

    /** Deal number {@code n}: depends only on the seed and n, so any slice of deals can be generated alone. */
    public RecordDealHistoryCommand deal(int n) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
        String dealId = pipelineId + "-" + n;
        List<DealCommand> changes = new ArrayList<>();
        Instant at = windowStart.plusSeconds((long) (random.nextDouble() * Duration.between(windowStart, asOf)
                .toSeconds()));
        int stage = startStage(random);
        changes.add(new OpenDealCommand(dealId, pipelineId, STAGES.get(stage), attributes(random), at));
        boolean visitedQualification = stage == QUALIFICATION;
        boolean skippedQualification = stage > QUALIFICATION;
        boolean reopened = false;
        while (true) {
            at = at.plusSeconds(dwellSeconds(random, stage));
            if (at.isAfter(asOf)) {
                break;
            }
            double lose = LOSE[stage] * (skippedQualification ? 2.0 : 1.0);
            double roll = random.nextDouble();
            if (roll < lose) {
                changes.add(new LoseDealCommand(dealId, LOSS_REASONS[random.nextInt(LOSS_REASONS.length)], at));
                if (reopened || random.nextDouble() > 0.05) {
                    break;
                }
                reopened = true;
                at = at.plusSeconds(86_400L * (7 + random.nextInt(60)));
                if (at.isAfter(asOf)) {
                    break;
                }
                changes.add(new ReopenDealCommand(dealId, STAGES.get(stage), at));
                continue;
            }
            if (stage >= SIGNING && roll < lose + 0.55) {
                changes.add(new WinDealCommand(dealId, at));
                break;
            }
            int next = nextStage(random, stage);
            if (next == stage) {
                continue;
            }
            if (next == QUALIFICATION) {
                visitedQualification = true;
            } else if (next > QUALIFICATION && !visitedQualification) {
                skippedQualification = true;
            }
            changes.add(new MoveDealToStageCommand(dealId, STAGES.get(next), at));
            stage = next;
        }
        return new RecordDealHistoryCommand(dealId, changes);
    }

    private static int startStage(SplittableRandom random) {
        double roll = random.nextDouble();
        return roll < 0.82 ? 0 : roll < 0.94 ? 1 : roll < 0.98 ? 2 : 3;
    }

    private static int nextStage(SplittableRandom random, int stage) {
        double roll = random.nextDouble();
        if (roll < 0.06 && stage > 0) {
            return stage - 1;
        }
        int skip = stage == QUALIFICATION - 1 ? 0.22 > random.nextDouble() ? 2 : 1 : roll < 0.12 ? 2 : 1;
        return Math.min(stage + skip, STAGES.size() - 1);
    }

    private static long dwellSeconds(SplittableRandom random, int stage) {
        double days = MEDIAN_DAYS[stage] * Math.exp(0.8 * random.nextGaussian());
        return Math.max(60, (long) (days * 86_400));
    }

    private static DealAttributes attributes(SplittableRandom random) {
        int segment = random.nextInt(SEGMENTS.length);
        double median = segment == 0 ? 4_000 : segment == 1 ? 20_000 : 90_000;
        BigDecimal amount = BigDecimal.valueOf(median * Math.exp(0.6 * random.nextGaussian()))
                .setScale(2, RoundingMode.HALF_UP);
        return new DealAttributes(OWNERS[random.nextInt(OWNERS.length)], SOURCES[random.nextInt(SOURCES.length)],
                SEGMENTS[segment], amount, random.nextDouble() < 0.8 ? "EUR" : "USD");
    }
}
