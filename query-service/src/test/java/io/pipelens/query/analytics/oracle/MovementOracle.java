package io.pipelens.query.analytics.oracle;

import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealAttributesChangedEvent;
import io.pipelens.kernel.deal.DealEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealReopenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Movement between t0 and t1 (DESIGN §10.3 as docs/metrics.md reads it), replayed event by event from the raw events
 * of each deal, with nothing of the engine: no visits, no paths, no attribute timeline. A deal's events are taken in
 * time order, and within one millisecond the opening first, then attribute changes, then the other transitions. A
 * deal is open from its opening, in a stage or not (DESIGN §10.1): the open amount and the slippage count it from
 * there. It is in a stage from its first event into a stage the version keeps (absorbed keys take the deal's last kept
 * stage), which is its inflow "opened into" that stage; every stage event in (t0, t1] after that is one flow.
 */
public final class MovementOracle {

    public static final int START = 0;
    public static final int END = 1;
    public static final int OPENED = 2;
    public static final int FORWARD_IN = 3;
    public static final int BACKWARD_IN = 4;
    public static final int REOPENED = 5;
    public static final int FORWARD_OUT = 6;
    public static final int BACKWARD_OUT = 7;
    public static final int WON = 8;
    public static final int LOST = 9;

    /** Waterfall parts, in the order start, opened, reopened, increases, decreases, won, lost, end. */
    public static final List<String> PARTS = List.of("start", "opened", "reopened", "increases", "decreases", "won",
            "lost", "end");

    /** Per stage position the ten counts; per currency the eight parts; pushes, slip days, pulls, pull days, overdue. */
    public record Answer(Map<Integer, int[]> stages, Map<String, BigDecimal[]> currencies, long[] slippage) {
    }

    private final Oracle positions;

    public MovementOracle(Oracle positions) {
        this.positions = positions;
    }

    public Answer compute(List<List<DealEvent>> histories, int stageCount, long t0, long t1) {
        Map<Integer, int[]> stages = new TreeMap<>();
        for (int k = 1; k <= stageCount; k++) {
            stages.put(k, new int[10]);
        }
        Map<String, BigDecimal[]> currencies = new TreeMap<>();
        long[] slippage = new long[5];
        long today = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(t1), ZoneOffset.UTC).toEpochDay();
        for (List<DealEvent> history : histories) {
            List<DealEvent> events = new ArrayList<>(history);
            events.sort(Comparator.comparingLong((DealEvent e) -> e.occurredAt().toEpochMilli())
                    .thenComparingInt(MovementOracle::rank));
            boolean inStage = false;
            boolean open = false;
            int stage = 0;
            int lastKept = 0;
            DealAttributes attributes = null;
            boolean startTaken = false;
            for (DealEvent event : events) {
                long at = event.occurredAt().toEpochMilli();
                if (at > t1) {
                    break;
                }
                if (at > t0 && !startTaken) {
                    snapshot(inStage, open, stage, attributes, stages, currencies, START);
                    startTaken = true;
                }
                boolean count = at > t0;
                if (event instanceof DealOpenedEvent opened) {
                    attributes = opened.attributes();
                    open = true;
                    if (count) {
                        add(currencies, attributes, 1);
                    }
                    int position = positions.position(opened.stage());
                    if (position != 0) {
                        inStage = true;
                        stage = position;
                        lastKept = position;
                        if (count) {
                            stages.get(stage)[OPENED]++;
                        }
                    }
                } else if (event instanceof DealAttributesChangedEvent changed) {
                    DealAttributes now = changed.attributes();
                    if (count) {
                        if (open) {
                            change(currencies, attributes, now);
                        }
                        slip(attributes.expectedCloseDate(), now.expectedCloseDate(), slippage);
                    }
                    attributes = now;
                } else if (event instanceof DealMovedToStageEvent moved) {
                    int position = positions.position(moved.toStage());
                    int target = position != 0 ? position : lastKept;
                    if (target == 0) {
                        continue;
                    }
                    lastKept = target;
                    if (!inStage) {
                        inStage = true;
                        if (count) {
                            stages.get(target)[OPENED]++;
                        }
                    } else if (target != stage && count) {
                        stages.get(stage)[target > stage ? FORWARD_OUT : BACKWARD_OUT]++;
                        stages.get(target)[target > stage ? FORWARD_IN : BACKWARD_IN]++;
                    }
                    stage = target;
                } else if (event instanceof DealWonEvent || event instanceof DealLostEvent) {
                    open = false;
                    if (count) {
                        boolean won = event instanceof DealWonEvent;
                        if (inStage) {
                            stages.get(stage)[won ? WON : LOST]++;
                        }
                        add(currencies, attributes, won ? 5 : 6);
                    }
                } else if (event instanceof DealReopenedEvent reopened) {
                    open = true;
                    if (count) {
                        add(currencies, attributes, 2);
                    }
                    int position = positions.position(reopened.stage());
                    int target = position != 0 ? position : lastKept;
                    if (target == 0) {
                        continue;
                    }
                    lastKept = target;
                    if (count) {
                        stages.get(target)[inStage ? REOPENED : OPENED]++;
                    }
                    inStage = true;
                    stage = target;
                }
            }
            if (!startTaken) {
                snapshot(inStage, open, stage, attributes, stages, currencies, START);
            }
            snapshot(inStage, open, stage, attributes, stages, currencies, END);
            if (open && attributes.expectedCloseDate() != null
                    && attributes.expectedCloseDate().toEpochDay() < today) {
                slippage[4]++;
            }
        }
        return new Answer(stages, currencies, slippage);
    }

    private static int rank(DealEvent event) {
        return event instanceof DealOpenedEvent ? 0 : event instanceof DealAttributesChangedEvent ? 1 : 2;
    }

    /** An open deal counts in the open amount, and in its stage's work in progress when it is in one. */
    private static void snapshot(boolean inStage, boolean open, int stage, DealAttributes attributes,
                                 Map<Integer, int[]> stages, Map<String, BigDecimal[]> currencies, int which) {
        if (open) {
            if (inStage) {
                stages.get(stage)[which]++;
            }
            add(currencies, attributes, which == START ? 0 : 7);
        }
    }

    private static void change(Map<String, BigDecimal[]> currencies, DealAttributes before, DealAttributes after) {
        if (before.currency() != null && before.currency().equals(after.currency()) && before.amount() != null
                && after.amount() != null) {
            BigDecimal difference = after.amount().subtract(before.amount());
            if (difference.signum() > 0) {
                part(currencies, after.currency())[3] = part(currencies, after.currency())[3].add(difference);
            } else if (difference.signum() < 0) {
                part(currencies, after.currency())[4] = part(currencies, after.currency())[4].add(difference.negate());
            }
            return;
        }
        add(currencies, before, 4);
        add(currencies, after, 3);
    }

    private static void add(Map<String, BigDecimal[]> currencies, DealAttributes attributes, int part) {
        if (attributes != null && attributes.currency() != null && attributes.amount() != null) {
            BigDecimal[] parts = part(currencies, attributes.currency());
            parts[part] = parts[part].add(attributes.amount());
        }
    }

    private static BigDecimal[] part(Map<String, BigDecimal[]> currencies, String currency) {
        return currencies.computeIfAbsent(currency, c -> {
            BigDecimal[] zeros = new BigDecimal[8];
            java.util.Arrays.fill(zeros, BigDecimal.ZERO);
            return zeros;
        });
    }

    private static void slip(LocalDate before, LocalDate after, long[] slippage) {
        if (before == null || after == null) {
            return;
        }
        long days = after.toEpochDay() - before.toEpochDay();
        if (days > 0) {
            slippage[0]++;
            slippage[1] += days;
        } else if (days < 0) {
            slippage[2]++;
            slippage[3] -= days;
        }
    }
}
