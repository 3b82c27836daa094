package io.pipelens.query.analytics.oracle;

import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealAttributesChangedEvent;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealReopenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.kernel.pipeline.StageMapping;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.statistics.inference.FisherExactTest;

/**
 * A deliberately plain computation of every figure of docs/metrics.md, straight from deal events and a pipeline
 * version. It shares no code with the engine (it does not even see the engine's package): it builds visits from
 * events itself and computes each figure with the most direct loop, stage by stage and deal by deal, in
 * milliseconds and exact integers wherever it can. Only Fisher's test comes from the same library.
 */
public final class Oracle {

    private static final double Z = 1.959963984540054;
    private static final long DAY = 86_400_000L;

    private final List<StageDefinition> stages;
    private final List<StageMapping> mapping;

    public Oracle(List<StageDefinition> stages, List<StageMapping> mapping) {
        this.stages = stages;
        this.mapping = mapping;
    }

    // ---------------------------------------------------------------- deals

    /** A visit under the version: stage position, times in epoch ms, out = null while open. */
    public record Visit(int stage, long in, Long out) {
    }

    /** A deal as the oracle sees it. */
    public static final class Deal {
        public String id;
        public String owner;
        public String source;
        public String segment;
        public String currency;
        public BigDecimal amount;
        public String status;
        public long openedAt;
        public Long closedAt;
        public final List<Visit> path = new ArrayList<>();
        public final List<Long> transitions = new ArrayList<>();

        int highest() {
            int highest = 0;
            for (Visit visit : path) {
                if (visit.stage() > highest) {
                    highest = visit.stage();
                }
            }
            return highest;
        }

        boolean visited(int k) {
            for (Visit visit : path) {
                if (visit.stage() == k) {
                    return true;
                }
            }
            return false;
        }

        /** The stage of the last visit; 0 (none) for a deal in no stage. */
        int last() {
            return path.isEmpty() ? 0 : path.get(path.size() - 1).stage();
        }
    }

    /** Position of a recorded key: the mapping first, then the version's own stages, else 0 (absorbed). */
    public int position(String key) {
        for (StageMapping entry : mapping) {
            if (entry.from().equals(key)) {
                if (entry.absorbed()) {
                    return 0;
                }
                return positionOfStage(entry.to());
            }
        }
        return positionOfStage(key);
    }

    private int positionOfStage(String key) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).key().equals(key)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The deal built from its events; with an empty path (open or closed in no stage) when every visit is absorbed. */
    public Deal deal(List<DealEvent> events) {
        Deal deal = new Deal();
        List<String> keys = new ArrayList<>();
        List<Long> ins = new ArrayList<>();
        List<Long> outs = new ArrayList<>();
        List<Boolean> byReopening = new ArrayList<>();
        for (DealEvent event : events) {
            long at = event.occurredAt().toEpochMilli();
            if (event instanceof DealOpenedEvent opened) {
                deal.id = opened.dealId();
                attributes(deal, opened.attributes());
                deal.status = "open";
                deal.openedAt = at;
                keys.add(opened.stage());
                ins.add(at);
                outs.add(null);
                byReopening.add(false);
                deal.transitions.add(at);
            } else if (event instanceof DealMovedToStageEvent moved) {
                outs.set(outs.size() - 1, at);
                keys.add(moved.toStage());
                ins.add(at);
                outs.add(null);
                byReopening.add(false);
                deal.transitions.add(at);
            } else if (event instanceof DealWonEvent) {
                outs.set(outs.size() - 1, at);
                deal.status = "won";
                deal.closedAt = at;
                deal.transitions.add(at);
            } else if (event instanceof DealLostEvent) {
                outs.set(outs.size() - 1, at);
                deal.status = "lost";
                deal.closedAt = at;
                deal.transitions.add(at);
            } else if (event instanceof DealReopenedEvent reopened) {
                keys.add(reopened.stage());
                ins.add(at);
                outs.add(null);
                byReopening.add(true);
                deal.status = "open";
                deal.closedAt = null;
                deal.transitions.add(at);
            } else if (event instanceof DealAttributesChangedEvent changed) {
                attributes(deal, changed.attributes());
            }
        }
        int[] position = new int[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            position[i] = position(keys.get(i));
        }
        int[] resolved = new int[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            resolved[i] = position[i];
            if (resolved[i] == 0) {
                for (int j = i - 1; j >= 0 && resolved[i] == 0; j--) {
                    resolved[i] = position[j];
                }
                for (int j = i + 1; j < keys.size() && resolved[i] == 0; j++) {
                    resolved[i] = position[j];
                }
            }
            if (resolved[i] == 0) {
                return deal;
            }
        }
        for (int i = 0; i < keys.size(); i++) {
            Visit next = new Visit(resolved[i], ins.get(i), outs.get(i));
            // a close always ends a visit: only a move joins two touching visits to one stage
            if (!deal.path.isEmpty() && !byReopening.get(i)) {
                Visit last = deal.path.get(deal.path.size() - 1);
                if (last.stage() == next.stage() && last.out() != null && last.out() == next.in()) {
                    deal.path.set(deal.path.size() - 1, new Visit(last.stage(), last.in(), next.out()));
                    continue;
                }
            }
            deal.path.add(next);
        }
        return deal;
    }

    private static void attributes(Deal deal, DealAttributes attributes) {
        DealAttributes a = attributes == null ? new DealAttributes(null, null, null, null, null) : attributes;
        deal.owner = a.owner();
        deal.source = a.source();
        deal.segment = a.segment();
        deal.amount = a.amount();
        deal.currency = a.currency();
    }

    /** Who is counted: basis ALL / OPENED / CLOSED / ACTIVE, a half-open period, and attribute filters. */
    public record Query(String basis, Instant from, Instant to, String owner, String source, String segment) {
    }

    public List<Deal> select(List<List<DealEvent>> histories, Query query) {
        List<Deal> selected = new ArrayList<>();
        for (List<DealEvent> history : histories) {
            Deal deal = deal(history);
            if (included(deal, query)) {
                selected.add(deal);
            }
        }
        return selected;
    }

    private static boolean included(Deal deal, Query query) {
        if (query.owner() != null && !query.owner().equals(deal.owner)) {
            return false;
        }
        if (query.source() != null && !query.source().equals(deal.source)) {
            return false;
        }
        if (query.segment() != null && !query.segment().equals(deal.segment)) {
            return false;
        }
        switch (query.basis()) {
            case "ALL":
                return true;
            case "OPENED":
                return inPeriod(deal.openedAt, query);
            case "CLOSED":
                return !deal.status.equals("open") && inPeriod(deal.closedAt, query);
            case "ACTIVE":
                for (long at : deal.transitions) {
                    if (inPeriod(at, query)) {
                        return true;
                    }
                }
                return false;
            default:
                throw new IllegalArgumentException(query.basis());
        }
    }

    private static boolean inPeriod(long at, Query query) {
        return (query.from() == null || at >= query.from().toEpochMilli())
                && (query.to() == null || at < query.to().toEpochMilli());
    }

    // ---------------------------------------------------------------- funnel

    public record FunnelStage(int reached, int visited, int skipped, int openAt, int lostAt, int wonFrom,
                              int progressed, int progressedStrict, Double stageConversion,
                              Double strictStageConversion, Double resolvedConversion,
                              Double strictResolvedConversion) {

        public Ci stageConversionCi() {
            return wilson(progressed, reached);
        }

        public Ci strictStageConversionCi() {
            return wilson(progressedStrict, visited);
        }

        public Ci resolvedConversionCi() {
            return wilson(progressed, progressed + lostAt);
        }

        public Ci strictResolvedConversionCi() {
            return wilson(progressedStrict, progressedStrict + lostAt);
        }
    }

    public record Funnel(int deals, int open, int won, int lost, Double winRate, List<FunnelStage> stages) {

        public Ci winRateCi() {
            return wilson(won, won + lost);
        }
    }

    public Funnel funnel(List<Deal> deals) {
        List<FunnelStage> rows = new ArrayList<>();
        for (int k = 1; k <= stages.size(); k++) {
            int reached = 0;
            int visited = 0;
            int skipped = 0;
            int openAt = 0;
            int lostAt = 0;
            int wonFrom = 0;
            int progressed = 0;
            int progressedStrict = 0;
            for (Deal deal : deals) {
                int highest = deal.highest();
                boolean wasThere = deal.visited(k);
                boolean atK = deal.last() == k;
                if (highest >= k) {
                    reached++;
                }
                if (wasThere) {
                    visited++;
                }
                if (highest > k && !wasThere) {
                    skipped++;
                }
                if (atK && deal.status.equals("open")) {
                    openAt++;
                }
                if (atK && deal.status.equals("lost")) {
                    lostAt++;
                }
                if (atK && deal.status.equals("won")) {
                    wonFrom++;
                }
                boolean wentOn = highest > k || atK && deal.status.equals("won");
                if (wentOn) {
                    progressed++;
                }
                if (wentOn && wasThere) {
                    progressedStrict++;
                }
            }
            rows.add(new FunnelStage(reached, visited, skipped, openAt, lostAt, wonFrom, progressed,
                    progressedStrict, divide(progressed, reached), divide(progressedStrict, visited),
                    divide(progressed, progressed + lostAt), divide(progressedStrict, progressedStrict + lostAt)));
        }
        int open = count(deals, "open");
        int won = count(deals, "won");
        int lost = count(deals, "lost");
        return new Funnel(deals.size(), open, won, lost, divide(won, won + lost), rows);
    }

    private static int count(List<Deal> deals, String status) {
        int count = 0;
        for (Deal deal : deals) {
            if (deal.status.equals(status)) {
                count++;
            }
        }
        return count;
    }

    /** A 95% interval; null stands for "none" wherever one is expected. */
    public record Ci(double lower, double upper) {
    }

    /**
     * The Wilson score interval of x out of n in Newcombe's (1998) form, (2x + z² ± z√(z² + 4x(n − x)/n)) ÷
     * (2(n + z²)): algebraically §9's centre ± half-width, computed another way. The lower bound of 0/n is exactly
     * 0 and the upper bound of n/n exactly 1; rounding would miss them by an ulp.
     */
    public static Ci wilson(int x, int n) {
        if (n == 0) {
            return null;
        }
        double spread = Z * Math.sqrt(Z * Z + 4.0 * x * (n - x) / n);
        double denominator = 2 * (n + Z * Z);
        return new Ci(x == 0 ? 0 : (2.0 * x + Z * Z - spread) / denominator,
                x == n ? 1 : (2.0 * x + Z * Z + spread) / denominator);
    }

    private static Double divide(double numerator, double denominator) {
        if (denominator == 0) {
            return null;
        }
        return numerator / denominator;
    }

    // ---------------------------------------------------------------- time in stage

    public record Summary(int count, Double mean, Double median, Double p75, Double p90, Double max) {
    }

    public record StageTime(Summary summary, int firstVisits, int censored, Double kaplanMeierMedian) {
    }

    /** {@code mode} is CUMULATIVE, FIRST or LATEST; every figure in seconds. */
    public List<StageTime> timeInStage(List<Deal> deals, String mode, Instant asOf) {
        List<StageTime> rows = new ArrayList<>();
        for (int k = 1; k <= stages.size(); k++) {
            List<Long> sample = new ArrayList<>();
            List<long[]> firsts = new ArrayList<>();
            int censored = 0;
            for (Deal deal : deals) {
                List<Visit> visits = new ArrayList<>();
                for (Visit visit : deal.path) {
                    if (visit.stage() == k) {
                        visits.add(visit);
                    }
                }
                if (visits.isEmpty()) {
                    continue;
                }
                Visit first = visits.get(0);
                boolean begunByAsOf = first.in() <= asOf.toEpochMilli();
                if (begunByAsOf && first.out() != null) {
                    firsts.add(new long[] {first.out() - first.in(), 1});
                } else if (begunByAsOf) {
                    firsts.add(new long[] {asOf.toEpochMilli() - first.in(), 0});
                    censored++;
                }
                Long contribution = null;
                if (mode.equals("CUMULATIVE")) {
                    for (Visit visit : visits) {
                        if (visit.out() != null) {
                            contribution = (contribution == null ? 0 : contribution) + visit.out() - visit.in();
                        }
                    }
                } else if (mode.equals("FIRST")) {
                    if (first.out() != null) {
                        contribution = first.out() - first.in();
                    }
                } else {
                    for (Visit visit : visits) {
                        if (visit.out() != null) {
                            contribution = visit.out() - visit.in();
                        }
                    }
                }
                if (contribution != null) {
                    sample.add(contribution);
                }
            }
            rows.add(new StageTime(summary(sample), firsts.size(), censored, kaplanMeierMedian(firsts)));
        }
        return rows;
    }

    static Summary summary(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int n = sorted.size();
        if (n == 0) {
            return new Summary(0, null, null, null, null, null);
        }
        long sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return new Summary(n, sum / 1000.0 / n, median / 1000.0, rank(sorted, 75) / 1000.0,
                rank(sorted, 90) / 1000.0, sorted.get(n - 1) / 1000.0);
    }

    /** The value at the smallest rank r with r ≥ percent·n/100, i.e. ⌈p·N⌉. */
    static long rank(List<Long> sorted, int percent) {
        int r = 1;
        while (r * 100 < percent * sorted.size()) {
            r++;
        }
        return sorted.get(r - 1);
    }

    /**
     * Exact Kaplan–Meier: S as a fraction of big integers; observations are {millis, 1 = event / 0 = censored}. The
     * observations are sorted once so that the number at risk at t (time ≥ t) is read off the sorted order. A factor
     * n − d whose next event time's number at risk is the same n' = n − d (no censoring between them) cancels it
     * exactly, so the integers grow only with the censorings, as they must for 100,000 observations.
     */
    static Double kaplanMeierMedian(List<long[]> observations) {
        List<long[]> sorted = new ArrayList<>(observations);
        sorted.sort(Comparator.comparingLong(o -> o[0]));
        int n = sorted.size();
        BigInteger numerator = BigInteger.ONE;
        BigInteger denominator = BigInteger.ONE;
        long pending = 1;
        int i = 0;
        while (i < n) {
            long t = sorted.get(i)[0];
            int atRisk = n - i;
            int events = 0;
            while (i < n && sorted.get(i)[0] == t) {
                events += (int) sorted.get(i)[1];
                i++;
            }
            if (events == 0) {
                continue;
            }
            if (pending == atRisk) {
                pending = atRisk - events;
            } else {
                numerator = numerator.multiply(BigInteger.valueOf(pending));
                denominator = denominator.multiply(BigInteger.valueOf(atRisk));
                pending = atRisk - events;
            }
            if (numerator.multiply(BigInteger.valueOf(pending)).multiply(BigInteger.TWO).compareTo(denominator) <= 0) {
                return t / 1000.0;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- skip impact

    public record SkipStage(int a, int b, int c, int d, Double lostRateSkipped, Double lostRateVisited,
                            Double riskDifference, Double relativeRisk, Double rrLower, Double rrUpper,
                            Double oddsRatio, Double orLower, Double orUpper, Double p, Double q,
                            boolean insufficientData) {

        public Ci lostRateSkippedCi() {
            return wilson(a, a + b);
        }

        public Ci lostRateVisitedCi() {
            return wilson(c, c + d);
        }
    }

    public List<SkipStage> skipImpact(List<Deal> deals) {
        List<SkipStage> rows = new ArrayList<>();
        for (int k = 1; k <= stages.size(); k++) {
            int a = 0;
            int b = 0;
            int c = 0;
            int d = 0;
            for (Deal deal : deals) {
                if (deal.status.equals("open") || deal.highest() <= k) {
                    continue;
                }
                boolean lost = deal.status.equals("lost");
                if (deal.visited(k)) {
                    if (lost) {
                        c++;
                    } else {
                        d++;
                    }
                } else if (lost) {
                    a++;
                } else {
                    b++;
                }
            }
            rows.add(skipStage(a, b, c, d));
        }
        List<Double> ps = new ArrayList<>();
        for (SkipStage row : rows) {
            ps.add(row.p());
        }
        List<SkipStage> withQ = new ArrayList<>();
        for (SkipStage row : rows) {
            Double q = benjaminiHochberg(ps, row.p());
            withQ.add(new SkipStage(row.a(), row.b(), row.c(), row.d(), row.lostRateSkipped(),
                    row.lostRateVisited(), row.riskDifference(), row.relativeRisk(), row.rrLower(), row.rrUpper(),
                    row.oddsRatio(), row.orLower(), row.orUpper(), row.p(), q, row.insufficientData()));
        }
        return withQ;
    }

    /**
     * The Benjamini–Hochberg q-value of {@code p} among the p-values of one answer (nulls take no part): the smallest
     * p₍ᵣ₎·m/r, capped at 1, over the ranks r of the p-values at or above it. Null for a null p.
     */
    static Double benjaminiHochberg(List<Double> answerPs, Double p) {
        if (p == null) {
            return null;
        }
        List<Double> ps = new ArrayList<>();
        for (Double each : answerPs) {
            if (each != null) {
                ps.add(each);
            }
        }
        Collections.sort(ps);
        int m = ps.size();
        double q = 1.0;
        for (int r = 1; r <= m; r++) {
            if (ps.get(r - 1) >= p) {
                q = Math.min(q, ps.get(r - 1) * m / r);
            }
        }
        return q;
    }

    public static SkipStage skipStage(int a, int b, int c, int d) {
        int n = a + b + c + d;
        // expected cell = rowTotal · columnTotal / n, below 5 exactly when rowTotal · columnTotal < 5n
        boolean insufficient = a + b < 20;
        int[] rowTotals = {a + b, c + d};
        int[] columnTotals = {a + c, b + d};
        for (int rowTotal : rowTotals) {
            for (int columnTotal : columnTotals) {
                if (n == 0 || rowTotal * columnTotal < 5 * n) {
                    insufficient = true;
                }
            }
        }
        Double lostSkipped = divide(a, a + b);
        Double lostVisited = divide(c, c + d);
        if (a + b == 0 || c + d == 0) {
            return new SkipStage(a, b, c, d, lostSkipped, lostVisited, null, null, null, null, null, null, null,
                    null, null, insufficient);
        }
        Double rr = null;
        if (c > 0) {
            rr = ((double) a / (a + b)) / ((double) c / (c + d));
        }
        Double rrLower = null;
        Double rrUpper = null;
        if (a > 0 && c > 0) {
            double se = Math.sqrt((1.0 / a) - (1.0 / (a + b)) + (1.0 / c) - (1.0 / (c + d)));
            rrLower = Math.exp(Math.log(rr) - Z * se);
            rrUpper = Math.exp(Math.log(rr) + Z * se);
        }
        double aa = a;
        double bb = b;
        double cc = c;
        double dd = d;
        if (a == 0 || b == 0 || c == 0 || d == 0) {
            aa += 0.5;
            bb += 0.5;
            cc += 0.5;
            dd += 0.5;
        }
        double or = (aa * dd) / (bb * cc);
        double orSe = Math.sqrt(1 / aa + 1 / bb + 1 / cc + 1 / dd);
        double p = FisherExactTest.withDefaults().test(new int[][] {{a, b}, {c, d}}).getPValue();
        return new SkipStage(a, b, c, d, lostSkipped, lostVisited, lostSkipped - lostVisited, rr, rrLower, rrUpper,
                or, Math.exp(Math.log(or) - Z * orSe), Math.exp(Math.log(or) + Z * orSe), p, null, insufficient);
    }

    // ---------------------------------------------------------------- bottlenecks

    public record Load(int wip, Double medianAge, Double p90Age, Double threshold, int stuck, int exits,
                       Double expectedWaitDays) {
    }

    public record Bottlenecks(List<Load> stages, Integer bottleneck) {
    }

    public Bottlenecks bottlenecks(List<Deal> deals, Instant asOf, Duration window) {
        long t = asOf.toEpochMilli();
        long start = t - window.toMillis();
        List<Load> rows = new ArrayList<>();
        for (int k = 1; k <= stages.size(); k++) {
            List<Long> ages = new ArrayList<>();
            List<Long> cumulative = new ArrayList<>();
            int exits = 0;
            for (Deal deal : deals) {
                Long closedByT = null;
                for (Visit visit : deal.path) {
                    if (visit.stage() != k) {
                        continue;
                    }
                    if (visit.in() <= t && (visit.out() == null || visit.out() > t)) {
                        ages.add(t - visit.in());
                    }
                    if (visit.out() != null && visit.out() > start && visit.out() <= t) {
                        exits++;
                    }
                    if (visit.out() != null && visit.out() <= t) {
                        closedByT = (closedByT == null ? 0 : closedByT) + visit.out() - visit.in();
                    }
                }
                if (closedByT != null) {
                    cumulative.add(closedByT);
                }
            }
            Collections.sort(ages);
            Collections.sort(cumulative);
            Integer expectedDays = stages.get(k - 1).expectedDays();
            Long threshold = null;
            if (expectedDays != null) {
                threshold = expectedDays * DAY;
            } else if (!cumulative.isEmpty()) {
                threshold = rank(cumulative, 90);
            }
            int stuck = 0;
            for (long age : ages) {
                if (threshold != null && age > threshold) {
                    stuck++;
                }
            }
            Summary ageSummary = summary(ages);
            double windowDays = window.toMillis() / (double) DAY;
            rows.add(new Load(ages.size(), ageSummary.median(), ageSummary.p90(),
                    threshold == null ? null : threshold / 1000.0, stuck, exits,
                    exits == 0 ? null : ages.size() / (exits / windowDays)));
        }
        Integer bottleneck = null;
        for (int k = 1; k <= rows.size(); k++) {
            Load load = rows.get(k - 1);
            if (load.wip() == 0) {
                continue;
            }
            if (bottleneck == null || longerWait(load, rows.get(bottleneck - 1))) {
                bottleneck = k;
            }
        }
        return new Bottlenecks(rows, bottleneck);
    }

    /** Exact comparison of wip/exits (no exits = unbounded), ties to the larger wip; earlier stage otherwise. */
    private static boolean longerWait(Load candidate, Load best) {
        if (candidate.exits() == 0 && best.exits() != 0) {
            return true;
        }
        if (candidate.exits() != 0 && best.exits() == 0) {
            return false;
        }
        if (candidate.exits() != 0) {
            long left = (long) candidate.wip() * best.exits();
            long right = (long) best.wip() * candidate.exits();
            if (left != right) {
                return left > right;
            }
        }
        return candidate.wip() > best.wip();
    }

    // ---------------------------------------------------------------- as of

    /**
     * The time of the latest event of any kind, attribute changes included, at or before {@code asOf}, over all the
     * pipeline's deals, in a stage or not; null when there is none.
     */
    public Instant lastEventAt(List<List<DealEvent>> histories, Instant asOf) {
        Instant last = null;
        for (List<DealEvent> history : histories) {
            for (DealEvent event : history) {
                Instant at = event.occurredAt();
                if (!at.isAfter(asOf) && (last == null || at.isAfter(last))) {
                    last = at;
                }
            }
        }
        return last;
    }

    // ---------------------------------------------------------------- sales velocity

    public record Velocity(int open, int won, int lost, Double averageWonAmount, Double winRate,
                           Double averageDaysToWin, Double velocity) {

        public Ci winRateCi() {
            return wilson(won, won + lost);
        }
    }

    public Map<String, Velocity> salesVelocity(List<Deal> deals) {
        Map<String, Velocity> result = new TreeMap<>();
        List<String> currencies = new ArrayList<>();
        for (Deal deal : deals) {
            if (deal.currency != null && !currencies.contains(deal.currency)) {
                currencies.add(deal.currency);
            }
        }
        for (String currency : currencies) {
            int open = 0;
            int won = 0;
            int lost = 0;
            int withAmount = 0;
            double amounts = 0;
            long daysMillis = 0;
            for (Deal deal : deals) {
                if (!currency.equals(deal.currency)) {
                    continue;
                }
                if (deal.status.equals("open")) {
                    open++;
                } else if (deal.status.equals("lost")) {
                    lost++;
                } else {
                    won++;
                    daysMillis += deal.closedAt - deal.openedAt;
                    if (deal.amount != null) {
                        withAmount++;
                        amounts += deal.amount.doubleValue();
                    }
                }
            }
            Double averageWon = withAmount == 0 ? null : amounts / withAmount;
            Double winRate = divide(won, won + lost);
            Double averageDays = won == 0 ? null : (daysMillis / (double) won) / DAY;
            Double velocity = null;
            if (averageWon != null && winRate != null && averageDays != null && averageDays > 0) {
                velocity = open * averageWon * winRate / averageDays;
            }
            result.put(currency, new Velocity(open, won, lost, averageWon, winRate, averageDays, velocity));
        }
        return result;
    }
}
