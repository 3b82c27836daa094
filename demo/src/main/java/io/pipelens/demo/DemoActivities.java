package io.pipelens.demo;

import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealCommand;
import io.pipelens.kernel.deal.LoseDealCommand;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.deal.WinDealCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Reproducible closed deals of a CRM whose "stages" are seller activities, the raw material of stage discovery
 * (DESIGN §9.3): {@link #ACTIVITIES} in their usual order, each done by a share of won and of lost deals, with
 * demo and meeting sometimes swapped, calls repeated after the meeting, and a follow-up e-mail anywhere in a third of
 * the deals. Lost deals skip meetings, demos and negotiation far more often than won ones, and stop early. Every deal
 * is closed within the year before {@code asOf}. The same seed always gives the same deals.
 */
public final class DemoActivities {

    /** The activities in their usual order, as the CRM names them. */
    public static final List<String> ACTIVITIES = List.of("call", "meeting", "demo", "КП отправлено", "negotiation",
            "contract sent");
    /** An activity done at any point of a third of the deals: too rare for discovery's default minCoverage. */
    public static final String FOLLOW_UP = "follow-up email";
    /** Share of won deals doing each activity of {@link #ACTIVITIES}. */
    private static final double[] WON_DO = {0.95, 0.9, 0.75, 0.95, 0.85, 0.8};
    /** Share of lost deals doing each activity of {@link #ACTIVITIES}. */
    private static final double[] LOST_DO = {0.95, 0.5, 0.3, 0.65, 0.3, 0.05};
    private static final String[] OWNERS = {"ann", "boris", "chen", "dana"};
    private static final String[] SOURCES = {"inbound", "outbound", "referral"};
    private static final String[] LOSS_REASONS = {"no budget", "chose a competitor", "no decision", "timing"};

    private final String pipelineId;
    private final long seed;
    private final Instant windowStart;

    /** @param asOf every deal is opened and closed in the year before it */
    public DemoActivities(String pipelineId, long seed, Instant asOf) {
        this.pipelineId = pipelineId;
        this.seed = seed;
        this.windowStart = asOf.minus(Duration.ofDays(365));
    }

    /** Deals 0 (inclusive) to {@code count} (exclusive). */
    public Stream<RecordDealHistoryCommand> deals(int count) {
        return IntStream.range(0, count).mapToObj(this::deal);
    }

    /** Deal number {@code n}: depends only on the seed and n. */
    public RecordDealHistoryCommand deal(int n) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_033L + n);
        String dealId = String.format("act-%04d", n);
        boolean won = random.nextDouble() < 0.45;
        List<String> steps = steps(random, won);
        Instant at = windowStart.plus(Duration.ofMinutes(random.nextInt(260 * 24 * 60)));
        List<DealCommand> changes = new ArrayList<>();
        changes.add(new OpenDealCommand(dealId, pipelineId, steps.get(0), new DealAttributes(
                OWNERS[random.nextInt(OWNERS.length)], SOURCES[random.nextInt(SOURCES.length)], null, null, null), at));
        for (String step : steps.subList(1, steps.size())) {
            at = at.plus(Duration.ofHours(24 + random.nextInt(7 * 24)));
            changes.add(new MoveDealToStageCommand(dealId, step, at));
        }
        at = at.plus(Duration.ofHours(24 + random.nextInt(9 * 24)));
        changes.add(won ? new WinDealCommand(dealId, at)
                : new LoseDealCommand(dealId, LOSS_REASONS[random.nextInt(LOSS_REASONS.length)], at));
        return new RecordDealHistoryCommand(dealId, changes);
    }

    private static List<String> steps(SplittableRandom random, boolean won) {
        double[] does = won ? WON_DO : LOST_DO;
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < ACTIVITIES.size(); i++) {
            if (random.nextDouble() < does[i]) {
                steps.add(ACTIVITIES.get(i));
            }
        }
        if (!won && steps.size() > 1) {
            steps = new ArrayList<>(steps.subList(0, 1 + random.nextInt(steps.size())));
        }
        if (steps.isEmpty()) {
            steps.add(ACTIVITIES.get(0));
        }
        int meeting = steps.indexOf("meeting");
        int demo = steps.indexOf("demo");
        if (meeting >= 0 && demo == meeting + 1 && random.nextDouble() < 0.2) {
            steps.set(meeting, "demo");
            steps.set(demo, "meeting");
        }
        meeting = steps.indexOf("meeting");
        if (meeting > 0 && random.nextDouble() < 0.25) {
            steps.add(meeting + 1, "call");
        }
        if (random.nextDouble() < 0.35) {
            steps.add(random.nextInt(steps.size() + 1), FOLLOW_UP);
        }
        return withoutRepeats(steps);
    }

    /** An activity right after itself is no change of stage: the second one goes. */
    private static List<String> withoutRepeats(List<String> steps) {
        List<String> kept = new ArrayList<>();
        for (String step : steps) {
            if (kept.isEmpty() || !kept.get(kept.size() - 1).equals(step)) {
                kept.add(step);
            }
        }
        return kept;
    }
}
