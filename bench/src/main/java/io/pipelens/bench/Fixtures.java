package io.pipelens.bench;

import io.pipelens.command.CommandServiceApplication;
import io.pipelens.kernel.pipeline.DefinePipelineCommand;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.launcher.PipelensLauncher;
import io.pipelens.launcher.PipelensLauncher.Services;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ConfigurableApplicationContext;

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
        return PipelensLauncher.start(arguments(dir, settings));
    }

    /**
     * The command service alone, as {@link #services} starts it: the event store and nothing that reads it (the
     * command service has no event processors), for a benchmark that appends straight through its storage engine.
     */
    static ConfigurableApplicationContext commandService(Path dir, String... settings) {
        return CommandServiceApplication.builder().run(arguments(dir, settings));
    }

    private static String[] arguments(Path dir, String... settings) {
        List<String> args = new ArrayList<>(List.of("--pipelens.data-dir=" + dir, "--server.port=0",
                "--logging.level.root=WARN", "--logging.level.io.pipelens=WARN"));
        args.addAll(List.of(settings));
        return args.toArray(String[]::new);
    }

    static void defineTemplatePipeline(CommandGateway gateway, String pipelineId) {
        gateway.sendAndWait(new DefinePipelineCommand(pipelineId, "Benchmark", SolutionSalesTemplate.STAGES, EPOCH));
    }
}
