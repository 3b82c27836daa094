package io.pipelens.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.deal.ChangeDealAttributesCommand;
import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealCommand;
import io.pipelens.kernel.deal.LoseDealCommand;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.deal.ReopenDealCommand;
import io.pipelens.kernel.deal.WinDealCommand;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo generator: reproducible, well-formed, and with the shapes and the effects it promises. */
class DemoHistoriesTest {

    private static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");
    private final DemoHistories demo = new DemoHistories("demo", 42, AS_OF);
    private final List<RecordDealHistoryCommand> deals = demo.deals(0, 5000).toList();

    @Test
    void theSameSeedGivesTheSameHistories() {
        assertThat(new DemoHistories("demo", 42, AS_OF).deals(0, 5000).toList()).isEqualTo(deals);
        assertThat(new DemoHistories("demo", 43, AS_OF).deal(7)).isNotEqualTo(demo.deal(7));
    }

    @Test
    void everyHistoryOpensFirstAndRunsForwardInTimeWithinTheWindow() {
        for (RecordDealHistoryCommand deal : deals) {
            List<DealCommand> changes = deal.changes();
            assertThat(changes.get(0)).isInstanceOf(OpenDealCommand.class);
            for (int i = 1; i < changes.size(); i++) {
                assertThat(changes.get(i).occurredAt()).isAfterOrEqualTo(changes.get(i - 1).occurredAt());
                assertThat(changes.get(i).dealId()).isEqualTo(deal.dealId());
            }
            assertThat(changes.get(changes.size() - 1).occurredAt()).isBeforeOrEqualTo(AS_OF);
        }
    }

    @Test
    void historiesHaveEveryShapeTheAnalyticsMustHandle() {
        assertThat(deals).anyMatch(d -> !((OpenDealCommand) d.changes().get(0)).stage().equals("contact"));
        assertThat(deals).anyMatch(d -> d.changes().stream().anyMatch(ReopenDealCommand.class::isInstance));
        assertThat(deals).anyMatch(d -> last(d) instanceof WinDealCommand);
        assertThat(deals).anyMatch(d -> last(d) instanceof LoseDealCommand);
        assertThat(deals).anyMatch(d -> last(d) instanceof MoveDealToStageCommand || last(d) instanceof OpenDealCommand);
        assertThat(deals).anyMatch(DemoHistoriesTest::movesBackward);
    }

    @Test
    void dealsThatSkipQualificationAreLostAboutTwiceAsOften() {
        int skippedLost = 0;
        int skipped = 0;
        int visitedLost = 0;
        int visited = 0;
        for (RecordDealHistoryCommand deal : deals) {
            DealCommand end = last(deal);
            boolean closed = end instanceof WinDealCommand || end instanceof LoseDealCommand;
            int highest = highest(deal);
            if (!closed || highest <= DemoHistories.STAGES.indexOf("qualification")) {
                continue;
            }
            boolean lost = end instanceof LoseDealCommand;
            if (stages(deal).contains("qualification")) {
                visited++;
                visitedLost += lost ? 1 : 0;
            } else {
                skipped++;
                skippedLost += lost ? 1 : 0;
            }
        }
        double relativeRisk = (skippedLost / (double) skipped) / (visitedLost / (double) visited);
        assertThat(skipped).isGreaterThan(200);
        assertThat(relativeRisk).isBetween(1.3, 2.6);
    }

    @Test
    void oneOwnerSkipsQualificationOftenAndLosesMoreForReasonsOfHisOwn() {
        Table confounder = new Table();
        Table others = new Table();
        for (RecordDealHistoryCommand deal : deals) {
            String owner = ((OpenDealCommand) deal.changes().get(0)).attributes().owner();
            (owner.equals(DemoHistories.CONFOUNDER) ? confounder : others).add(deal);
        }
        assertThat(confounder.skipShare()).isGreaterThan(2 * others.skipShare());
        assertThat(confounder.visitedLossRate()).as("his deals that pass qualification are lost more often too")
                .isGreaterThan(1.2 * others.visitedLossRate());
    }

    @Test
    void afterTheChangeQualificationIsSkippedLessAndDealsAreWonMoreOften() {
        Table before = new Table();
        Table after = new Table();
        Cohort wonBefore = new Cohort();
        Cohort wonAfter = new Cohort();
        Instant change = demo.changeAt();
        for (RecordDealHistoryCommand deal : deals) {
            OpenDealCommand open = (OpenDealCommand) deal.changes().get(0);
            if (open.attributes().owner().equals(DemoHistories.CONFOUNDER)) {
                continue;
            }
            boolean afterChange = !open.occurredAt().isBefore(change);
            (afterChange ? after : before).add(deal);
            Duration sinceChange = Duration.between(change, open.occurredAt()).abs();
            if (sinceChange.compareTo(WINDOW) < 0 || !afterChange && sinceChange.equals(WINDOW)) {
                (afterChange ? wonAfter : wonBefore).add(deal);
            }
        }
        assertThat(change).isEqualTo(AS_OF.minus(Duration.ofDays(365)));
        assertThat(after.skipShare()).isLessThan(before.skipShare() / 2);
        assertThat(wonAfter.share()).as("a modest improvement, as changeImpact reads it")
                .isBetween(wonBefore.share() + 0.01, wonBefore.share() + 0.15);
    }

    @Test
    void expectedCloseDatesAreSetAtOpeningAndSlipFarMoreOftenThanTheyArePulledIn() {
        int withPush = 0;
        int withPull = 0;
        int pushes = 0;
        int pulls = 0;
        int openAtEnd = 0;
        int overdueAtEnd = 0;
        for (RecordDealHistoryCommand deal : deals) {
            OpenDealCommand open = (OpenDealCommand) deal.changes().get(0);
            LocalDate expected = open.attributes().expectedCloseDate();
            assertThat(expected).isAfter(LocalDate.ofInstant(open.occurredAt(), ZoneOffset.UTC));
            boolean pushed = false;
            boolean pulled = false;
            for (ChangeDealAttributesCommand change : attributeChanges(deal)) {
                LocalDate next = change.attributes().expectedCloseDate();
                pushed |= next.isAfter(expected);
                pulled |= next.isBefore(expected);
                pushes += next.isAfter(expected) ? 1 : 0;
                pulls += next.isBefore(expected) ? 1 : 0;
                expected = next;
            }
            withPush += pushed ? 1 : 0;
            withPull += pulled ? 1 : 0;
            if (!(last(deal) instanceof WinDealCommand || last(deal) instanceof LoseDealCommand)) {
                openAtEnd++;
                overdueAtEnd += expected.isBefore(LocalDate.ofInstant(AS_OF, ZoneOffset.UTC)) ? 1 : 0;
            }
        }
        assertThat(withPush / (double) deals.size()).as("share of deals whose date slipped").isBetween(0.35, 0.75);
        assertThat(withPull / (double) deals.size()).as("share of deals whose date was pulled in")
                .isBetween(0.1, 0.4);
        assertThat(pushes).isGreaterThan(3 * pulls);
        assertThat(overdueAtEnd / (double) openAtEnd).as("share of the deals open at the end that are overdue")
                .isBetween(0.05, 0.4);
    }

    @Test
    void amountsAreRevisedMostlyDownAndRarelyChangeCurrency() {
        int down = 0;
        int up = 0;
        int currencyChanges = 0;
        for (RecordDealHistoryCommand deal : deals) {
            DealAttributes before = ((OpenDealCommand) deal.changes().get(0)).attributes();
            for (ChangeDealAttributesCommand change : attributeChanges(deal)) {
                DealAttributes after = change.attributes();
                if (!after.currency().equals(before.currency())) {
                    currencyChanges++;
                } else {
                    down += after.amount().compareTo(before.amount()) < 0 ? 1 : 0;
                    up += after.amount().compareTo(before.amount()) > 0 ? 1 : 0;
                }
                before = after;
            }
        }
        assertThat(down + up).as("amount revisions").isGreaterThan(deals.size() / 3);
        assertThat(down).isGreaterThan(up);
        assertThat(currencyChanges).isBetween(10, (down + up) / 20);
    }

    @Test
    void attributeChangesHappenWhileTheDealIsOpenAndEachChangesSomething() {
        for (RecordDealHistoryCommand deal : deals) {
            boolean open = true;
            DealAttributes current = ((OpenDealCommand) deal.changes().get(0)).attributes();
            for (DealCommand change : deal.changes()) {
                if (change instanceof ChangeDealAttributesCommand attributes) {
                    assertThat(open).as("%s changes attributes while closed", deal.dealId()).isTrue();
                    assertThat(attributes.attributes()).isNotEqualTo(current);
                    current = attributes.attributes();
                }
                open = change instanceof WinDealCommand || change instanceof LoseDealCommand ? false
                        : change instanceof ReopenDealCommand || open;
            }
        }
    }

    /**
     * Of the closed deals' stays at a stage, those that lasted at least 7 and at least 30 days belong to deals won less
     * and less often: the older a deal at a stage, the lower its chance (DESIGN §10.4's age buckets).
     */
    @Test
    void theLongerADealHasBeenAtAStageTheLessOftenItIsWon() {
        for (String stage : List.of("profiling", "qualification", "requirements", "terms")) {
            double all = wonShareOfStaysLasting(stage, Duration.ZERO);
            double week = wonShareOfStaysLasting(stage, Duration.ofDays(7));
            double month = wonShareOfStaysLasting(stage, Duration.ofDays(30));

            assertThat(week).as("won share after a week at %s", stage).isLessThan(all);
            assertThat(month).as("won share after 30 days at %s", stage).isLessThan(week).isLessThan(all - 0.05);
        }
    }

    private double wonShareOfStaysLasting(String stage, Duration atLeast) {
        int stays = 0;
        int won = 0;
        for (RecordDealHistoryCommand deal : deals) {
            DealCommand end = last(deal);
            if (!(end instanceof WinDealCommand || end instanceof LoseDealCommand)) {
                continue;
            }
            String at = null;
            Instant entered = null;
            for (DealCommand change : deal.changes()) {
                String next = stageOf(change);
                boolean endsStay = next != null || change instanceof WinDealCommand
                        || change instanceof LoseDealCommand;
                if (endsStay && stage.equals(at)
                        && Duration.between(entered, change.occurredAt()).compareTo(atLeast) >= 0) {
                    stays++;
                    won += end instanceof WinDealCommand ? 1 : 0;
                }
                if (endsStay) {
                    at = next;
                    entered = change.occurredAt();
                }
            }
        }
        assertThat(stays).as("stays at %s of at least %s", stage, atLeast).isGreaterThan(100);
        return won / (double) stays;
    }

    private static List<ChangeDealAttributesCommand> attributeChanges(RecordDealHistoryCommand deal) {
        return deal.changes().stream().filter(ChangeDealAttributesCommand.class::isInstance)
                .map(ChangeDealAttributesCommand.class::cast).toList();
    }

    private static String stageOf(DealCommand change) {
        return change instanceof OpenDealCommand o ? o.stage()
                : change instanceof MoveDealToStageCommand m ? m.stage()
                : change instanceof ReopenDealCommand r ? r.stage() : null;
    }

    private static final Duration WINDOW = Duration.ofDays(180);
    private static final Duration HORIZON = Duration.ofDays(90);

    /** Deals opened in a window, and how many were won within the horizon of their opening (DESIGN §9.4). */
    private static final class Cohort {
        private int deals;
        private int wonWithinHorizon;

        void add(RecordDealHistoryCommand deal) {
            Instant opened = deal.changes().get(0).occurredAt();
            deals++;
            wonWithinHorizon += deal.changes().stream().anyMatch(c -> c instanceof WinDealCommand
                    && !c.occurredAt().isAfter(opened.plus(HORIZON))) ? 1 : 0;
        }

        double share() {
            return wonWithinHorizon / (double) deals;
        }
    }

    /** Closed deals that got past qualification: how many skipped it, and how they ended. */
    private static final class Table {
        private int skipped;
        private int visited;
        private int visitedLost;

        void add(RecordDealHistoryCommand deal) {
            DealCommand end = last(deal);
            if (!(end instanceof WinDealCommand || end instanceof LoseDealCommand)) {
                return;
            }
            if (highest(deal) <= DemoHistories.STAGES.indexOf("qualification")) {
                return;
            }
            if (stages(deal).contains("qualification")) {
                visited++;
                visitedLost += end instanceof LoseDealCommand ? 1 : 0;
            } else {
                skipped++;
            }
        }

        double skipShare() {
            return skipped / (double) (skipped + visited);
        }

        double visitedLossRate() {
            return visitedLost / (double) visited;
        }
    }

    private static DealCommand last(RecordDealHistoryCommand deal) {
        return deal.changes().get(deal.changes().size() - 1);
    }

    private static List<String> stages(RecordDealHistoryCommand deal) {
        return deal.changes().stream().map(DemoHistoriesTest::stageOf).filter(s -> s != null).toList();
    }

    private static int highest(RecordDealHistoryCommand deal) {
        return stages(deal).stream().mapToInt(DemoHistories.STAGES::indexOf).max().orElse(-1);
    }

    private static boolean movesBackward(RecordDealHistoryCommand deal) {
        List<String> stages = stages(deal);
        for (int i = 1; i < stages.size(); i++) {
            if (DemoHistories.STAGES.indexOf(stages.get(i)) < DemoHistories.STAGES.indexOf(stages.get(i - 1))) {
                return true;
            }
        }
        return false;
    }
}
