package io.pipelens.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints what is wrong with a store, and what to do, instead of a bare stack trace, when start-up fails on it. */
public class StoreFailureAnalyzer extends AbstractFailureAnalyzer<StoreConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
