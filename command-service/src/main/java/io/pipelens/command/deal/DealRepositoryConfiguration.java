package io.pipelens.command.deal;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The repository of deals: Axon's event-sourcing repository as Axon would configure it for {@link Deal}, keeping the
 * deals it loaded in memory and catching each one up with the store when it is loaded again
 * ({@link CatchUpCachingRepository}). Axon picks it up by its name, {@code dealRepository}.
 */
@Configuration(proxyBeanMethods = false)
class DealRepositoryConfiguration {

    /** Deals kept in memory at most: a few kilobytes each, so some tens of megabytes. */
    static final int KEPT_DEALS = 10_000;

    @Bean
    Repository<Deal> dealRepository(org.axonframework.config.Configuration axon, EventStore eventStore) {
        return CatchUpCachingRepository.builder(Deal.class)
                .capacity(KEPT_DEALS)
                .parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(Deal.class))
                .eventStore(eventStore)
                .repositoryProvider(axon::repository)
                .spanFactory(axon.getComponent(RepositorySpanFactory.class))
                .build();
    }
}
