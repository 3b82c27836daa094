package io.pipelens.demo;

import io.pipelens.command.pipeline.PipelineCatalog;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Import;

/**
 * Adds the {@link DemoDataLoader} to the command service wherever this module is on the classpath: in the launcher,
 * and in a command service started with this jar on its loader path. Only to the service that defines pipelines (it
 * has the {@link PipelineCatalog}): in the launcher the query service shares the classpath and the arguments, but
 * the demo data goes through the command service alone.
 */
@AutoConfiguration
@ConditionalOnBean(PipelineCatalog.class)
@Import({DemoDataLoader.class, DemoActivityLoader.class})
public class DemoDataConfiguration {
}
