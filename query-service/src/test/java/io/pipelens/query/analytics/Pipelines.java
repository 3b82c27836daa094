package io.pipelens.query.analytics;

import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.kernel.pipeline.StageMapping;
import java.util.ArrayList;
import java.util.List;

/** Test fixture: small pipeline versions. */
public final class Pipelines {

    private Pipelines() {
    }

    public static StageDefinition stage(String key) {
        return new StageDefinition(key, key, null, null, null);
    }

    public static StageDefinition stage(String key, Integer expectedDays) {
        return new StageDefinition(key, key, null, null, expectedDays);
    }

    public static List<StageDefinition> stages(String... keys) {
        List<StageDefinition> stages = new ArrayList<>();
        for (String key : keys) {
            stages.add(stage(key));
        }
        return stages;
    }

    /** Version 1 of a pipeline with the given stage keys, in order. */
    public static AnalyticVersion versionOne(String... keys) {
        return AnalyticVersion.of(1, stages(keys), List.of());
    }

    public static AnalyticVersion version(int number, List<StageDefinition> stages, StageMapping... mapping) {
        return AnalyticVersion.of(number, stages, List.of(mapping));
    }

    public static AnalyticIndex index(AnalyticVersion version, DealHistory... deals) {
        AnalyticIndex index = new AnalyticIndex(DealHistory.PIPELINE, version);
        for (DealHistory deal : deals) {
            index.upsert(deal.journey());
        }
        return index;
    }
}
