package io.pipelens.platform.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;

/** graphql-java's depth and complexity limits, with messages that say which limit was hit and by how much. */
final class LimitInstrumentations {

    private LimitInstrumentations() {
    }

    static MaxQueryDepthInstrumentation depth(int maxDepth) {
        return new MaxQueryDepthInstrumentation(maxDepth) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int max) {
                return new AbortExecutionException("The operation is " + depth + " fields deep; at most " + max
                        + " are allowed. Ask for fewer nested fields.");
            }
        };
    }

    static MaxQueryComplexityInstrumentation complexity(int maxComplexity, int rootFieldCost) {
        FieldComplexityCalculator calculator = (environment, childComplexity) ->
                1 + childComplexity + (environment.getParentEnvironment() == null ? rootFieldCost : 0);
        return new MaxQueryComplexityInstrumentation(maxComplexity, calculator) {
            @Override
            protected AbortExecutionException mkAbortException(int complexity, int max) {
                return new AbortExecutionException("The operation's complexity is " + complexity + "; at most " + max
                        + " is allowed (every field counts 1, every top-level field " + rootFieldCost
                        + " more). Split it into several requests.");
            }
        };
    }
}
