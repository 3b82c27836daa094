package io.pipelens.platform.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a refused open start on the network as Spring Boot's "APPLICATION FAILED TO START" summary, what was refused
 * and what to set, instead of a stack trace a reader must search for the message.
 */
public class OpenNetworkFailureAnalyzer extends AbstractFailureAnalyzer<OpenNetworkRefusedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, OpenNetworkRefusedException cause) {
        return new FailureAnalysis(cause.description(), OpenNetworkRefusedException.ACTION, cause);
    }
}
