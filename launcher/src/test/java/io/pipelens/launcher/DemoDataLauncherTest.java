package io.pipelens.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pipelens.demo.DemoDataLoader;
import io.pipelens.launcher.PipelensLauncher.Services;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./pipelens --pipelens.demo.deals=N}, as the README gives it: the demo module on the launcher's classpath loads
 * the deals through the command service alone, and the query service reports them.
 */
class DemoDataLauncherTest {

    private static final int DEALS = 40;

    @TempDir
    Path dataDir;

    @Test
    void loadsTheDemoDealsThroughTheCommandServiceAndTheQueryServiceReportsThem() {
        try (Services services = PipelensLauncher.start("--pipelens.data-dir=" + dataDir, "--server.port=0",
                "--pipelens.mongo.embedded.persistent=false", "--pipelens.demo.deals=" + DEALS)) {
            assertThat(services.command().getBeansOfType(DemoDataLoader.class)).hasSize(1);
            assertThat(services.query().getBeansOfType(DemoDataLoader.class)).isEmpty();

            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> TwoServicesContract.graphQl(services.queryPort())
                    .document("{ funnel(pipelineId: \"demo\") { context { deals } } }").execute()
                    .path("funnel.context.deals").entity(Integer.class).isEqualTo(DEALS));
            sameOrderByImportAndDiscovery(services.queryPort());
        }
    }

    /**
     * The raw activity pipeline: its import ordered the activities over every deal of the log, and every one of its
     * deals is closed, so discovery over all of them with minCoverage 0 must give the same order.
     */
    private static void sameOrderByImportAndDiscovery(String queryPort) {
        var graphQl = TwoServicesContract.graphQl(queryPort);
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> graphQl
                .document("{ discoverStages(pipelineId: \"demo-activities\") { sampleSize } }").execute()
                .path("discoverStages.sampleSize").entity(Integer.class).isEqualTo(20));
        List<String> stages = graphQl.document("{ pipeline(id: \"demo-activities\") { selected { stages { key } } } }")
                .execute().path("pipeline.selected.stages[*].key").entityList(String.class).get();
        graphQl.document("{ discoverStages(pipelineId: \"demo-activities\", last: 10000, basis: REACHED, reachedStage: \""
                        + stages.get(0) + "\", minCoverage: 0) { sampleSize proposedOrder } }").execute()
                .path("discoverStages.sampleSize").entity(Integer.class).isEqualTo(400)
                .path("discoverStages.proposedOrder").entityList(String.class).containsExactly(stages.toArray(String[]::new));
    }
}
