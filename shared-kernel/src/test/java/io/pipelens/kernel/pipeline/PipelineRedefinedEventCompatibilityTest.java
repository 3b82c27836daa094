package io.pipelens.kernel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelens.kernel.StoredJson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code effectiveFrom} joined revision 1 of the event: events stored before it existed must read back, as effective
 * when they were recorded, and events without it must be written exactly as before.
 */
class PipelineRedefinedEventCompatibilityTest {

    private static final ObjectMapper MAPPER = StoredJson.MAPPER;

    private static final Instant RECORDED = Instant.parse("2025-06-01T08:00:00Z");
    private static final Instant EFFECTIVE = Instant.parse("2025-05-15T00:00:00Z");

    @Test
    void eventStoredWithoutEffectiveFromReadsBackAsEffectiveWhenRecorded() throws IOException {
        PipelineRedefinedEvent stored;
        try (InputStream json = getClass().getResourceAsStream("/approved-events/PipelineRedefinedEvent.json")) {
            stored = MAPPER.readValue(json, PipelineRedefinedEvent.class);
        }

        assertThat(stored.effectiveFrom()).isNull();
        assertThat(stored.effectiveAt()).isEqualTo(RECORDED);
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void eventWithoutEffectiveFromIsWrittenWithoutTheField() throws IOException {
        String json = MAPPER.writeValueAsString(event(null));

        assertThat(MAPPER.readTree(json).has("effectiveFrom")).isFalse();
    }

    @Test
    void effectiveFromIsWrittenAndReadBack() throws IOException {
        PipelineRedefinedEvent event = event(EFFECTIVE);
        String json = MAPPER.writeValueAsString(event);

        assertThat(MAPPER.readTree(json).get("effectiveFrom").asText()).isEqualTo("2025-05-15T00:00:00Z");
        PipelineRedefinedEvent read = MAPPER.readValue(json, PipelineRedefinedEvent.class);
        assertThat(read).isEqualTo(event);
        assertThat(read.effectiveAt()).isEqualTo(EFFECTIVE);
    }

    /** The batch endpoint reads commands strictly: every field must be a component of the command. */
    @Test
    void redefineCommandReadsEffectiveFromAsTheBatchEndpointDoes() throws IOException {
        RedefinePipelineCommand command = MAPPER.reader().with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue("{\"pipelineId\": \"solution-sales\", \"stages\": [], \"mapping\": [], "
                        + "\"effectiveFrom\": \"2025-05-15T00:00:00Z\"}", RedefinePipelineCommand.class);

        assertThat(command.effectiveFrom()).isEqualTo(EFFECTIVE);
        assertThat(command.occurredAt()).isNull();
    }

    @Test
    void stagesStoredWithoutCriteriaReadBackWithoutAChecklist() throws IOException {
        PipelineRedefinedEvent stored;
        try (InputStream json = getClass().getResourceAsStream("/approved-events/PipelineRedefinedEvent.json")) {
            stored = MAPPER.readValue(json, PipelineRedefinedEvent.class);
        }

        assertThat(stored.stages()).isNotEmpty().allSatisfy(stage -> assertThat(stage.criteria()).isNull());
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(event(null))).get("stages").get(0).has("criteria"))
                .isFalse();
    }

    @Test
    void criteriaAreWrittenAndReadBack() throws IOException {
        PipelineRedefinedEvent event = new PipelineRedefinedEvent("solution-sales", 2, List.of(new StageDefinition(
                "qualification", "Qualification", null, null, null, List.of(new CriterionDefinition("budget",
                "Budget agreed")))), List.of(StageMapping.to("qualification", "qualification")), RECORDED);

        PipelineRedefinedEvent read = MAPPER.readValue(MAPPER.writeValueAsString(event), PipelineRedefinedEvent.class);

        assertThat(read).isEqualTo(event);
        assertThat(read.stages().get(0).criteria()).containsExactly(new CriterionDefinition("budget", "Budget agreed"));
    }

    private static PipelineRedefinedEvent event(Instant effectiveFrom) {
        return new PipelineRedefinedEvent("solution-sales", 2, List.of(new StageDefinition("contact", "Contact found",
                null, null, null)), List.of(StageMapping.to("contact", "contact")), RECORDED, effectiveFrom);
    }
}
