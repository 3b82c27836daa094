package io.pipelens.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.pipelens.command.pipeline.PipelineCatalog;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Where the demo loader is added: to the command service, when {@code pipelens.demo.deals} asks for deals; never to
 * another service on the same classpath (the query service, in the launcher), which gets the same arguments.
 */
class DemoDataConfigurationTest {

    private final ApplicationContextRunner services = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DemoDataConfiguration.class))
            .withBean(CommandGateway.class, () -> mock(CommandGateway.class))
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void addsTheLoaderToTheCommandServiceWhenDealsAreAskedFor() {
        services.withBean(PipelineCatalog.class, () -> pipelineId -> Optional.empty()).withPropertyValues("pipelens.demo.deals=5")
                .run(context -> assertThat(context).hasSingleBean(DemoDataLoader.class));
    }

    @Test
    void addsNothingWithoutDemoDeals() {
        services.withBean(PipelineCatalog.class, () -> pipelineId -> Optional.empty())
                .run(context -> assertThat(context).doesNotHaveBean(DemoDataLoader.class));
        services.withBean(PipelineCatalog.class, () -> pipelineId -> Optional.empty()).withPropertyValues("pipelens.demo.deals=0")
                .run(context -> assertThat(context).doesNotHaveBean(DemoDataLoader.class));
    }

    @Test
    void addsNothingToAnotherService() {
        services.withPropertyValues("pipelens.demo.deals=5")
                .run(context -> assertThat(context).doesNotHaveBean(DemoDataLoader.class));
    }
}
