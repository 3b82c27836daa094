package io.pipelens.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pipelens.demo.DemoDataLoader;
import io.pipelens.launcher.PipelensLauncher.Services;
import java.nio.file.Path;
import java.time.Duration;
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
        }
    }
}
