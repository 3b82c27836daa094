package io.pipelens.command.batch;

import io.pipelens.platform.config.Require;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the batch endpoint, {@code POST /api/commands/batch}.
 *
 * @param maxItems       most items one batch request may carry
 * @param maxRequestSize largest body of one batch request, refused with 413 before it is read (1,000 items of a few
 *                       hundred bytes each fit in the default)
 */
@ConfigurationProperties("pipelens.batch")
public record BatchProperties(@DefaultValue("1000") int maxItems, @DefaultValue("4MB") DataSize maxRequestSize) {

    public BatchProperties {
        Require.atLeast(1, maxItems, "pipelens.batch.max-items");
        Require.that(maxRequestSize.toBytes() > 0, "pipelens.batch.max-request-size", "a positive size, such as 4MB",
                maxRequestSize);
    }
}
