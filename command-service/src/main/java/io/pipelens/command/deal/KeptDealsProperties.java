package io.pipelens.command.deal;

import io.pipelens.platform.config.Require;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deals a command-service instance keeps in memory between commands ({@link CatchUpCachingRepository}).
 *
 * @param keptDeals most deals kept in memory between commands, the least recently used dropped first (a few kilobytes
 *                  each); a kept deal is caught up with the event store at its next command instead of being read
 *                  whole. 0 keeps none: every command reads its deal's whole stream
 */
@ConfigurationProperties("pipelens.command")
record KeptDealsProperties(@DefaultValue("10000") int keptDeals) {

    KeptDealsProperties {
        Require.atLeast(0, keptDeals, "pipelens.command.kept-deals");
    }
}
