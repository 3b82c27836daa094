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
 * mid-pipeline, skipped stages, backward moves, losses at every stage, reopenings, owners, sources, segments,
 * amounts and expected close dates that change while a deal is open. Deals opened near the end of the window are still open. Built-in effects, for the deciding analytics to
 * find:
 * <ul>
 * <li>deals that skip qualification are lost about twice as often as those that pass through it;</li>
 * <li>one owner ({@value #CONFOUNDER}) skips qualification most of the time and also loses more for reasons of his
 * own, so part of the crude skip effect is his: adjusting for the owner (DESIGN §9.2) takes it out;</li>
 * <li>from {@link #changeAt()}, a year before the window's end, the team enforces qualification and skips it far less
 * often and loses less at every stage (everyone but {@value #CONFOUNDER}), so deals opened after the change are won
 * a little more often (DESIGN §9.4);</li>
 * <li>expected close dates set at opening that slip, pulls now and then, amounts revised while deals are negotiated,
 * and chances of winning that fall the longer a deal stays at a stage, for the movement report and the forecast
 * (DESIGN §10.3, §10.4; see {@link DealPlan}).</li>
 * </ul>
 * The same seed always gives the same histories.
 */
public final class DemoHistories {

    static final List<String> STAGES = SolutionSalesTemplate.STAGES.stream().map(s -> s.key()).toList();
    private static final int QUALIFICATION = STAGES.indexOf("qualification");
    private static final int SIGNING = STAGES.indexOf("signing");
    /** Stages where terms are negotiated and amounts revised: requirements up to signing. */
    private static final int NEGOTIATING_FROM = STAGES.indexOf("requirements");
    /** Median days a deal stays at each stage, and the spread of the log-normal stay. */
    private static final double[] MEDIAN_DAYS = {3, 7, 10, 14, 12, 8, 6, 30, 45};
    private static final double DWELL_SIGMA = 0.8;
    /** Chance that a deal at signing or after is won as a stay there ends, for a stay of usual length. */
    private static final double WIN_AT_SIGNING = 0.55;
    private static final double MAX_LOSE = 0.9;
    /** Makes the chance of winning as a stay ends, which falls with its staleness, 0.55 on average over stays. */
    private static final double STALE_WIN_NORM = Math.exp(-DWELL_SIGMA * DWELL_SIGMA / 4);
    /** Mixed into a deal's seed for the stream its {@link DealPlan} draws from. */
    private static final long PLAN_STREAM = 0x5DEECE66DL;
    /** Chance of losing the deal at each stage (before the skip effect). */
    private static final double[] LOSE = {0.18, 0.16, 0.14, 0.10, 0.09, 0.08, 0.04, 0.02, 0.02};
    private static final String[] OWNERS = {"ann", "boris", "chen", "dana", "emil", "fatima", "george", "hana",
        "ivan", "julia", "kofi", "lena"};
    private static final String[] SOURCES = {"inbound", "outbound", "referral", "partner", "event"};
    private static final String[] SEGMENTS = {"SMB", "mid-market", "enterprise"};
    private static final String[] LOSS_REASONS = {"no budget", "chose a competitor", "no decision", "timing",
        "requirements not met"};
    /** The owner who skips qualification and loses more for reasons of his own. */
    static final String CONFOUNDER = "kofi";
    /** Chance that a deal about to be qualified skips qualification: usually, his, and after the change. */
    private static final double SKIP_QUALIFICATION = 0.22;
    private static final double CONFOUNDER_SKIPS_QUALIFICATION = 0.65;
    private static final double SKIP_QUALIFICATION_AFTER_CHANGE = 0.07;
    /** How much more often the confounding owner loses at any stage, skip or not. */
    private static final double CONFOUNDER_LOSES = 1.7;
    /** Qualified deals are better deals: after the change, the chance of losing at every stage is lower. */
    private static final double LOSES_AFTER_CHANGE = 0.5;

    private final String pipelineId;
    private final long seed;
    private final Instant windowStart;
    private final Instant changeAt;
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
        this.changeAt = asOf.minus(Duration.ofDays(365));
    }

    /** When the team started enforcing qualification: the demo pipeline's second version takes effect then. */
    public Instant changeAt() {
        return changeAt;
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
        DealAttributes attributes = attributes(random);
        DealPlan plan = new DealPlan(dealId, new SplittableRandom((seed * 1_000_003L + n) ^ PLAN_STREAM), attributes,
                at, daysToSigning(stage));
        boolean confounder = CONFOUNDER.equals(attributes.owner());
        boolean afterChange = !at.isBefore(changeAt) && !confounder;
        double skipQualification = confounder ? CONFOUNDER_SKIPS_QUALIFICATION
                : afterChange ? SKIP_QUALIFICATION_AFTER_CHANGE : SKIP_QUALIFICATION;
        changes.add(new OpenDealCommand(dealId, pipelineId, STAGES.get(stage), plan.attributes(), at));
        boolean visitedQualification = stage == QUALIFICATION;
        boolean skippedQualification = stage > QUALIFICATION;
        boolean reopened = false;
        while (true) {
            Instant entered = at;
            double days = dwellDays(random, stage) * plan.pace();
            at = at.plusSeconds(Math.max(60, (long) (days * 86_400)));
            plan.revise(entered, at, asOf, changes);
            if (at.isAfter(asOf)) {
                break;
            }
            double stale = staleness(days, stage);
            double lose = Math.min(MAX_LOSE, LOSE[stage] * (skippedQualification ? 2.0 : 1.0)
                    * (confounder ? CONFOUNDER_LOSES : 1.0) * (afterChange ? LOSES_AFTER_CHANGE : 1.0)
                    * plan.lossFactor() * stale);
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
            if (stage >= SIGNING && roll < lose + Math.min(WIN_AT_SIGNING * STALE_WIN_NORM / stale, 1 - lose)) {
                changes.add(new WinDealCommand(dealId, at));
                break;
            }
            int next = nextStage(random, stage, skipQualification);
            if (next == stage) {
                continue;
            }
            if (next == QUALIFICATION) {
                visitedQualification = true;
            } else if (next > QUALIFICATION && !visitedQualification) {
                skippedQualification = true;
            }
            changes.add(new MoveDealToStageCommand(dealId, STAGES.get(next), at));
            if (next > stage) {
                plan.movedForward(next >= NEGOTIATING_FROM && next < SIGNING);
            }
            stage = next;
        }
        return new RecordDealHistoryCommand(dealId, changes);
    }

    private static int startStage(SplittableRandom random) {
        double roll = random.nextDouble();
        return roll < 0.82 ? 0 : roll < 0.94 ? 1 : roll < 0.98 ? 2 : 3;
    }

    private static int nextStage(SplittableRandom random, int stage, double skipQualification) {
        double roll = random.nextDouble();
        if (roll < 0.06 && stage > 0) {
            return stage - 1;
        }
        int skip = stage == QUALIFICATION - 1 ? skipQualification > random.nextDouble() ? 2 : 1 : roll < 0.12 ? 2 : 1;
        return Math.min(stage + skip, STAGES.size() - 1);
    }

    private static double dwellDays(SplittableRandom random, int stage) {
        return MEDIAN_DAYS[stage] * Math.exp(DWELL_SIGMA * random.nextGaussian());
    }

    /**
     * How much a stay of {@code days} at a stage raises the chance of losing the deal as it ends, and lowers that of
     * winning it: the square root of its multiple of the stage's median, 1 on average over stays.
     */
    private static double staleness(double days, int stage) {
        return Math.sqrt(days / MEDIAN_DAYS[stage]) * Math.exp(-DWELL_SIGMA * DWELL_SIGMA / 8);
    }

    /** The median days from {@code stage} to the end of signing, on which a seller bases the first close date. */
    private static double daysToSigning(int stage) {
        double days = 0;
        for (int s = stage; s <= SIGNING; s++) {
            days += MEDIAN_DAYS[s];
        }
        return days;
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
