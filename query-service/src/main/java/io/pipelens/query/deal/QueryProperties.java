package io.pipelens.query.deal;

import io.pipelens.platform.config.Require;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the deal queries.
 *
 * @param maxPageSize largest page the deals query serves
 */
@ConfigurationProperties("pipelens.query")
public record QueryProperties(@DefaultValue("500") int maxPageSize) {

    public QueryProperties {
        Require.atLeast(1, maxPageSize, "pipelens.query.max-page-size");
    }
}
