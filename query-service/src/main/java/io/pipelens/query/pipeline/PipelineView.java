package io.pipelens.query.pipeline;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A pipeline with every version it has had, in order. */
@Document(collection = PipelineView.COLLECTION)
public record PipelineView(@Id String id, String name, List<PipelineVersionView> versions) {

    public static final String COLLECTION = "pipelines";

    public PipelineView {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    public int currentVersion() {
        return versions.size();
    }

    /** The version with number {@code version} (from 1), or null. */
    public PipelineVersionView version(int version) {
        return version >= 1 && version <= versions.size() ? versions.get(version - 1) : null;
    }
}
