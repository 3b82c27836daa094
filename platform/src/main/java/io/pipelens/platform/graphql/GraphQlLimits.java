package io.pipelens.platform.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code pipelens.graphql.*}: how big a GraphQL request may be, so that one request cannot tie up a service.
 *
 * @param maxDepth          most nested field levels in an operation, introspection included (GraphiQL's
 *                          introspection query is 15 deep; Pipelens' own queries at most 6)
 * @param maxComplexity     largest complexity of an operation: every field counts 1 and every top-level field
 *                          {@code rootFieldCost} more, since each top-level field is a scan of read models or a
 *                          command, while nested fields only shape its answer
 * @param rootFieldCost     what a top-level field adds to the complexity
 * @param maxRequestSize    largest HTTP body accepted on {@code /graphql}; larger ones are refused with 413 before
 *                          they are read
 */
@ConfigurationProperties("pipelens.graphql")
public record GraphQlLimits(int maxDepth, int maxComplexity, int rootFieldCost, DataSize maxRequestSize) {
}
