package io.pipelens.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.command.pipeline.PipelineCatalog;
import io.pipelens.kernel.Keys;
import io.pipelens.kernel.deal.LoseDealCommand;
import io.pipelens.kernel.deal.RecordDealHistoryCommand;
import io.pipelens.kernel.deal.WinDealCommand;
import io.pipelens.kernel.pipeline.StageDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The raw activity pipeline of the demo data: defined by its import from the activities, then left alone. */
@CommandServiceWithDemoData
class DemoActivityLoaderTest {

    private final List<RecordDealHistoryCommand> generated = new DemoActivities(DemoActivityLoader.PIPELINE,
            CommandServiceWithDemoData.SEED, Instant.parse(CommandServiceWithDemoData.AS_OF))
            .deals(DemoActivityLoader.DEALS).toList();

    @Autowired
    private PipelineCatalog pipelines;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DemoActivityLoader loader;

    private long activityDealEvents() {
        return StoredEvents.count(jdbc, "deal:act-");
    }

    @Test
    void definesThePipelineFromTheActivitiesAndRecordsEveryDeal() {
        assertThat(pipelines.current(DemoActivityLoader.PIPELINE)).hasValueSatisfying(current -> {
            List<StageDefinition> stages = current.definition().stages();
            assertThat(stages).extracting(StageDefinition::name)
                    .containsExactlyInAnyOrderElementsOf(withFollowUp(DemoActivities.ACTIVITIES));
            assertThat(stages).extracting(StageDefinition::key).allSatisfy(key -> assertThat(Keys.problemWith(key))
                    .isNull()).contains("kp-otpravleno");
            assertThat(stages.get(0).name()).isEqualTo("call");
        });
        assertThat(activityDealEvents()).isEqualTo(generated.stream().mapToLong(deal -> deal.changes().size()).sum());
    }

    @Test
    void theDealsAreWonAndLostAndClosedBeforeAsOf() {
        long won = generated.stream().filter(deal -> deal.changes().get(deal.changes().size() - 1)
                instanceof WinDealCommand).count();
        long lost = generated.stream().filter(deal -> deal.changes().get(deal.changes().size() - 1)
                instanceof LoseDealCommand).count();

        assertThat(won + lost).isEqualTo(DemoActivityLoader.DEALS);
        assertThat(won).isBetween(140L, 220L);
        assertThat(generated).allSatisfy(deal -> assertThat(deal.changes().get(deal.changes().size() - 1)
                .occurredAt()).isBefore(Instant.parse(CommandServiceWithDemoData.AS_OF)));
        assertThat(new DemoActivities("x", 7, Instant.parse(CommandServiceWithDemoData.AS_OF)).deal(3))
                .isEqualTo(new DemoActivities("x", 7, Instant.parse(CommandServiceWithDemoData.AS_OF)).deal(3));
    }

    @Test
    void loadingAgainAddsNothing() {
        long before = activityDealEvents();

        loader.run(null);

        assertThat(activityDealEvents()).isEqualTo(before).isPositive();
    }

    private static List<String> withFollowUp(List<String> activities) {
        List<String> all = new ArrayList<>(activities);
        all.add(DemoActivities.FOLLOW_UP);
        return all;
    }
}
