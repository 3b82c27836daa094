package io.pipelens.command;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command bus's monitors: the counters and timers Axon's dimensional Micrometer module gives a command bus
 * ({@code commandBus.successCounter}, {@code commandBus.failureCounter}, {@code commandBus.successTimer}, … tagged
 * with the command's {@code payloadType}), less its capacity monitor. That one registers its {@code commandBus.capacity}
 * gauge again for every command, which Micrometer answers with a registry lookup and, at the first command, a warning
 * in the log; and it keeps every command's handling time for ten minutes in memory, about 85 bytes a command. An
 * import sends a command for every deal, and a dry run for every deal the store already holds, so a large one would
 * hold millions of entries for a gauge no dashboard reads.
 * <p>
 * A command that was handled and then discarded on purpose, a {@link CommandDiscardedException} such as a completed dry
 * run, counts as ignored ({@code commandBus.ignoredCounter}, {@code commandBus.ignoredTimer}) rather than as a
 * failure: Axon sees its unit of work end in an exception, but nothing failed, and a re-import would otherwise show a
 * failure for every deal the store already holds.
 * <p>
 * Axon asks its configuration for a monitor by component type and name, and a factory registered for a type is used
 * before the default one, which is where Axon's Micrometer module registers itself. This factory is registered for
 * {@link CommandBus}, so it replaces Axon's monitors on the command bus only: the event store keeps its
 * {@code eventStore.*} meters. The monitors are always dimensional, whatever
 * {@code axon.metrics.micrometer.dimensional} says.
 */
@Configuration(proxyBeanMethods = false)
class CommandBusMonitors {

    /** The prefix of the command bus's meters, the name Axon gives them. */
    static final String METER_PREFIX = "commandBus";

    @Bean
    ConfigurerModule commandBusMonitorsWithoutCapacity(ObjectProvider<MeterRegistry> registry) {
        return configurer -> configurer.configureMessageMonitor(CommandBus.class,
                (configuration, componentType, componentName) -> monitors(
                        registry.getIfAvailable(SimpleMeterRegistry::new)));
    }

    static MessageMonitor<Message<?>> monitors(MeterRegistry registry) {
        return new DiscardedAsIgnored(new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(METER_PREFIX, registry, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION),
                MessageCountingMonitor.buildMonitor(METER_PREFIX, registry, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION))));
    }

    /** Reports a command that ended in a {@link CommandDiscardedException} to {@code monitor} as ignored. */
    private record DiscardedAsIgnored(MessageMonitor<Message<?>> monitor) implements MessageMonitor<Message<?>> {

        @Override
        public MonitorCallback onMessageIngested(Message<?> message) {
            MonitorCallback callback = monitor.onMessageIngested(message);
            return new MonitorCallback() {
                @Override
                public void reportSuccess() {
                    callback.reportSuccess();
                }

                @Override
                public void reportFailure(Throwable cause) {
                    if (cause instanceof CommandDiscardedException) {
                        callback.reportIgnored();
                    } else {
                        callback.reportFailure(cause);
                    }
                }

                @Override
                public void reportIgnored() {
                    callback.reportIgnored();
                }
            };
        }
    }
}
