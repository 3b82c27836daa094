package io.pipelens.platform;

/**
 * A store the services cannot use as configured, with what to do about it; {@link StoreFailureAnalyzer} prints both
 * when start-up fails on it.
 */
public class StoreConfigurationException extends IllegalStateException {

    private final String action;

    public StoreConfigurationException(String description, String action) {
        super(description);
        this.action = action;
    }

    public StoreConfigurationException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
