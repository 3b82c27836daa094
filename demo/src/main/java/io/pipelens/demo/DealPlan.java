package io.pipelens.demo;

import io.pipelens.kernel.deal.ChangeDealAttributesCommand;
import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealCommand;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a seller expects of one open deal and how the expectation moves, for the movement report and the forecast to
 * find (DESIGN §10.3, §10.4):
 * <ul>
 * <li>the expected close date is set at opening, optimistically: {@link #OPTIMISM} of the median time to signing;</li>
 * <li>once that date has passed, the seller usually pushes it some weeks out, so dates slip, more than once for deals
 * that drag on; a few sellers leave it overdue;</li>
 * <li>on a forward move the seller now and then pulls the date in;</li>
 * <li>at the negotiating stages the amount is often revised, mostly down, and rarely moves to another currency;</li>
 * <li>each deal has a latent warmth: cold deals stay longer at every stage and are lost more often, so a deal that
 * has been at a stage long is less likely to be won.</li>
 * </ul>
 * It draws from its own random stream, so the draws of the transitions are those of a history without plans.
 */
final class DealPlan {

    /** Share of the median days to signing that the seller expects at first. */
    private static final double[] OPTIMISM = {0.5, 1.0};
    /** Chance that an overdue date is pushed rather than left as it is. */
    private static final double PUSH = 0.85;
    /** Chance that a forward move pulls the date in, and that a move into a negotiating stage revises the amount. */
    private static final double PULL = 0.08;
    private static final double REVISE_AMOUNT = 0.35;
    private static final double CHANGE_CURRENCY = 0.02;
    /** How much warmth shortens dwell times and lowers losses, per standard deviation. */
    private static final double WARMTH_PACE = 0.3;
    private static final double WARMTH_LOSS = 0.35;
    private static final BigDecimal USD_PER_EUR = new BigDecimal("1.08");

    private final String dealId;
    private final SplittableRandom random;
    private final double warmth;
    private DealAttributes attributes;
    private boolean pullDue;
    private boolean revisionDue;

    /**
     * @param daysToSigning the median days from the opening stage to signing, which the first expectation is based on
     */
    DealPlan(String dealId, SplittableRandom random, DealAttributes attributes, Instant openedAt,
             double daysToSigning) {
        this.dealId = dealId;
        this.random = random;
        this.warmth = random.nextGaussian();
        double days = daysToSigning * (OPTIMISM[0] + (OPTIMISM[1] - OPTIMISM[0]) * random.nextDouble());
        this.attributes = withDate(attributes, date(openedAt).plusDays(Math.max(1, Math.round(days))));
    }

    DealAttributes attributes() {
        return attributes;
    }

    /** Factor on a dwell time: cold deals linger. */
    double pace() {
        return Math.exp(-WARMTH_PACE * warmth);
    }

    /** Factor on the chance of losing, 1 on average over deals: cold deals are lost more often. */
    double lossFactor() {
        return Math.exp(-WARMTH_LOSS * warmth - WARMTH_LOSS * WARMTH_LOSS / 2);
    }

    /** Notes a forward move: the seller may pull the date in and, at a negotiating stage, revise the amount. */
    void movedForward(boolean negotiating) {
        pullDue = random.nextDouble() < PULL;
        revisionDue = negotiating && random.nextDouble() < REVISE_AMOUNT;
    }

    /**
     * Adds the seller's changes between two transitions of the open deal at {@code from} and {@code to}, none after
     * {@code asOf}: a pull or revision noted at the last move, early in the stretch, then a push each time the expected
     * date passes.
     */
    void revise(Instant from, Instant to, Instant asOf, List<DealCommand> changes) {
        Instant end = to.isAfter(asOf) ? asOf : to;
        Instant at = from;
        if (pullDue || revisionDue) {
            at = from.plusSeconds((long) (random.nextDouble() * Math.min(Duration.between(from, end).toSeconds(),
                    3 * 86_400L)));
            DealAttributes revised = attributes;
            if (pullDue) {
                LocalDate earliest = date(at).plusDays(1);
                LocalDate pulled = attributes.expectedCloseDate().minusDays(7 + random.nextInt(15));
                pulled = pulled.isAfter(earliest) ? pulled : earliest;
                revised = pulled.isBefore(attributes.expectedCloseDate()) ? withDate(revised, pulled) : revised;
            }
            if (revisionDue) {
                revised = revisedAmount(revised);
            }
            pullDue = false;
            revisionDue = false;
            change(revised, at, changes);
        }
        while (attributes.expectedCloseDate().isBefore(date(end)) && random.nextDouble() < PUSH) {
            Instant overdue = attributes.expectedCloseDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plusSeconds((long) (random.nextDouble() * 5 * 86_400));
            at = overdue.isAfter(at) ? overdue : at;
            if (at.isAfter(end)) {
                return;
            }
            change(withDate(attributes, date(at).plusDays(7 + random.nextInt(39))), at, changes);
        }
    }

    private void change(DealAttributes revised, Instant at, List<DealCommand> changes) {
        if (!revised.equals(attributes)) {
            attributes = revised;
            changes.add(new ChangeDealAttributesCommand(dealId, revised, at));
        }
    }

    private DealAttributes revisedAmount(DealAttributes a) {
        BigDecimal amount = a.amount().multiply(BigDecimal.valueOf(Math.exp(0.15 * random.nextGaussian() - 0.05)));
        String currency = a.currency();
        if (random.nextDouble() < CHANGE_CURRENCY) {
            boolean toUsd = currency.equals("EUR");
            amount = toUsd ? amount.multiply(USD_PER_EUR) : amount.divide(USD_PER_EUR, 2, RoundingMode.HALF_UP);
            currency = toUsd ? "USD" : "EUR";
        }
        return new DealAttributes(a.owner(), a.source(), a.segment(), amount.setScale(2, RoundingMode.HALF_UP),
                currency, a.expectedCloseDate());
    }

    private static DealAttributes withDate(DealAttributes a, LocalDate date) {
        return new DealAttributes(a.owner(), a.source(), a.segment(), a.amount(), a.currency(), date);
    }

    private static LocalDate date(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
