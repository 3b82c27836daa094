package io.pipelens.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The shared {@code pipelens.processing.*} settings reach every processor, each with its own batch size. The values
 * differ from the defaults (and threads from segments), so a processor left on Axon's defaults fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + QueryServiceApplication.CONFIG_NAME,
        "pipelens.data-dir=target/processor-settings-test",
        "pipelens.mongo.embedded.persistent=false",
        "spring.datasource.url=jdbc:h2:mem:processor-settings-test;DB_CLOSE_DELAY=-1",
        "pipelens.processing.segments=2",
        "pipelens.processing.threads=3",
        "pipelens.processing.token-claim-interval-millis=1234"})
class ProcessorSettingsTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TokenStore tokenStore;

    @ParameterizedTest
    @CsvSource({"deal-journey, 500", "pipelines, 100", "deal-log-imports, 100"})
    void everyProcessorTracksWithTheSharedSettingsAndItsOwnBatchSize(String name, int batchSize) {
        TrackingEventProcessor processor = processing.eventProcessor(name, TrackingEventProcessor.class)
                .orElseThrow(() -> new AssertionError(name + " is not a tracking processor"));

        assertThat(processor.maxCapacity()).as("threads").isEqualTo(3);
        assertThat(ReflectionTestUtils.getField(processor, "segmentsSize")).as("initial segments").isEqualTo(2);
        assertThat(ReflectionTestUtils.getField(processor, "tokenClaimInterval")).as("claim interval")
                .isEqualTo(1234L);
        assertThat(ReflectionTestUtils.getField(processor, "batchSize")).as("batch size").isEqualTo(batchSize);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(tokenStore.fetchSegments(name)).containsExactly(0, 1));
    }
}
