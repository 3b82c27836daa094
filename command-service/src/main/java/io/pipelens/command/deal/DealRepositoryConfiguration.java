package io.pipelens.command.deal;

import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The repository of deals: Axon's event-sourcing repository as Axon would configure it for {@link Deal}, keeping up
 * to {@code pipelens.command.kept-deals} deals in memory and catching each one up with the store when it is loaded
 * again ({@link CatchUpCachingRepository}). Axon picks it up by its name, {@code dealRepository}, and uses it as it
 * is: a snapshot trigger, cache or lock factory named on {@link Deal}'s {@code @Aggregate} would not apply to it.
 */
@Configuration(proxyBeanMethods = false)
class DealRepositoryConfiguration {

    @Bean
    Repository<Deal> dealRepository(org.axonframework.config.Configuration axon, EventStore eventStore,
                                    KeptDealsProperties properties) {
        EventSourcingRepository.Builder<Deal> builder = properties.keptDeals() == 0
                ? EventSourcingRepository.builder(Deal.class)
                : CatchUpCachingRepository.builder(Deal.class).capacity(properties.keptDeals());
        return builder.parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(Deal.class))
                .eventStore(eventStore)
                .repositoryProvider(axon::repository)
                .spanFactory(axon.getComponent(RepositorySpanFactory.class))
                .build();
    }
}
