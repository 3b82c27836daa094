package io.pipelens.demo;

import io.pipelens.command.pipeline.PipelineCatalog;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Adds the {@link DemoDataLoader} to the command service wherever this module is on the classpath: in the launcher,
 * and in a command service started with this jar on its loader path. Only to the service that defines pipelines (it
 * has the {@link PipelineCatalog}): in the launcher the query service shares the classpath and the arguments, but
 * the demo data goes through the command service alone. And only when {@code pipelens.demo.deals} asks for deals.
 */
@AutoConfiguration
@ConditionalOnBean(PipelineCatalog.class)
@Conditional(DemoDataConfiguration.DealsAskedFor.class)
@EnableConfigurationProperties(DemoProperties.class)
@Import({DemoDataLoader.class, DemoActivityLoader.class})
public class DemoDataConfiguration {

    /** Matches when the bound {@link DemoProperties} ask for at least one deal. */
    static class DealsAskedFor extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            int deals = Binder.get(context.getEnvironment()).bindOrCreate("pipelens.demo", DemoProperties.class).deals();
            return deals > 0 ? ConditionOutcome.match("pipelens.demo.deals=" + deals)
                    : ConditionOutcome.noMatch("pipelens.demo.deals=0");
        }
    }
}
