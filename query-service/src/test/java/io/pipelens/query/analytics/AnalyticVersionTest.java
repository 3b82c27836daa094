package io.pipelens.query.analytics;

import static io.pipelens.query.analytics.Pipelines.stages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelens.kernel.pipeline.StageMapping;
import org.junit.jupiter.api.Test;

class AnalyticVersionTest {

    @Test
    void aKeyResolvesThroughTheMappingFirstThenTheVersionsOwnStages() {
        AnalyticVersion version = Pipelines.version(3, stages("a", "b"), StageMapping.to("old", "b"),
                StageMapping.to("a", "b"), StageMapping.absorbed("call"));

        assertThat(version.positionOf("old")).isEqualTo(2);
        assertThat(version.positionOf("a")).as("the mapping wins over the stage key").isEqualTo(2);
        assertThat(version.positionOf("b")).isEqualTo(2);
        assertThat(version.positionOf("call")).isEqualTo(AnalyticVersion.ABSORBED);
        assertThat(version.positionOf("never-defined")).isEqualTo(AnalyticVersion.ABSORBED);
    }

    @Test
    void rejectsAMappingToAStageTheVersionDoesNotHave() {
        assertThatThrownBy(() -> Pipelines.version(2, stages("a"), StageMapping.to("x", "nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }
}
