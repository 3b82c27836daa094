package io.pipelens.bench;

import io.pipelens.kernel.pipeline.DefinePipelineCommand;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.launcher.PipelensLauncher;
import io.pipelens.launcher.PipelensLauncher.Services;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** What every benchmark needs: fresh services on a fresh store, and a pipeline to work in. */
final class Fixtures {

    static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    static final List<String> STAGES = SolutionSalesTemplate.STAGES.stream().map(s -> s.key()).toList();

    private Fixtures() {
    }

    /**
     * Both services on the store in {@code dir} (a {@link DataDirectory}, deleted when the run ends); {@code settings}
     * are more {@code --name=value} arguments.
     */
    static Services services(Path dir, String... settings) {
        List<String> args = new java.util.ArrayList<>(List.of("--pipelens.data-dir=" + dir, "--server.port=0",
                "--logging.level.root=WARN", "--logging.level.io.pipelens=WARN"));
        args.addAll(List.of(settings));
        return PipelensLauncher.start(args.toArray(String[]::new));
    }

    static void defineTemplatePipeline(CommandGateway gateway, String pipelineId) {
        gateway.sendAndWait(new DefinePipelineCommand(pipelineId, "Benchmark", SolutionSalesTemplate.STAGES, EPOCH));
    }
}
