package io.pipelens.platform.graphql;

import io.pipelens.platform.config.Require;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code pipelens.graphql.*}: how big a GraphQL request may be, so that one request cannot tie up a service.
 *
 * @param maxDepth          most nested field levels in an operation, introspection included (GraphiQL's
 *                          introspection query is 15 deep, with a complexity of about 300; Pipelens' own queries
 *                          are at most 6 deep)
 * @param maxComplexity     largest complexity of an operation: every field counts 1 and every top-level field
 *                          {@code rootFieldCost} more, since each top-level field is a scan of read models or a
 *                          command, while nested fields only shape its answer
 * @param rootFieldCost     what a top-level field adds to the complexity
 * @param maxRequestSize    largest HTTP body accepted on {@code /graphql}; larger ones are refused with 413 before
 *                          they are read
 */
@ConfigurationProperties("pipelens.graphql")
public record GraphQlLimits(@DefaultValue("15") int maxDepth, @DefaultValue("1000") int maxComplexity,
                            @DefaultValue("50") int rootFieldCost, @DefaultValue("256KB") DataSize maxRequestSize) {

    public GraphQlLimits {
        Require.atLeast(1, maxDepth, "pipelens.graphql.max-depth");
        Require.atLeast(1, maxComplexity, "pipelens.graphql.max-complexity");
        Require.atLeast(0, rootFieldCost, "pipelens.graphql.root-field-cost");
        Require.that(maxRequestSize.toBytes() > 0, "pipelens.graphql.max-request-size", "a positive size, such as 256KB",
                maxRequestSize);
    }
}
