package io.pipelens.query.analytics;

import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.kernel.pipeline.StageMapping;
import java.util.ArrayList;
import java.util.List;

/** Test fixture: small pipeline versions. */
final class Pipelines {

    private Pipelines() {
    }

    static StageDefinition stage(String key) {
        return new StageDefinition(key, key, null, null, null);
    }

    static StageDefinition stage(String key, Integer expectedDays) {
        return new StageDefinition(key, key, null, null, expectedDays);
    }

    static List<StageDefinition> stages(String... keys) {
        List<StageDefinition> stages = new ArrayList<>();
        for (String key : keys) {
            stages.add(stage(key));
        }
        return stages;
    }

    /** Version 1 of a pipeline with the given stage keys, in order. */
    static AnalyticVersion versionOne(String... keys) {
        return AnalyticVersion.of(1, stages(keys), List.of());
    }

    static AnalyticVersion version(int number, List<StageDefinition> stages, StageMapping... mapping) {
        return AnalyticVersion.of(number, stages, List.of(mapping));
    }

    static AnalyticIndex index(AnalyticVersion version, DealHistory... deals) {
        AnalyticIndex index = new AnalyticIndex(DealHistory.PIPELINE, version);
        for (DealHistory deal : deals) {
            index.upsert(deal.journey());
        }
        return index;
    }
}
