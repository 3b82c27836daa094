package io.pipelens.platform.security;

/** A service without API keys was told to listen on an address other machines can reach. */
public class OpenNetworkRefusedException extends IllegalStateException {

    static final String ACTION = "Configure API keys (pipelens.security.keys[0].name, .role, .sha256; "
            + "docs/operations.md, Security), or listen on the loopback address only (server.address=127.0.0.1), "
            + "or set pipelens.security.allow-open-network=true to run open on the network anyway";

    private final String description;

    OpenNetworkRefusedException(String service, String reachable) {
        super(description(service, reachable) + ". " + ACTION);
        this.description = description(service, reachable);
    }

    private static String description(String service, String reachable) {
        return service + " would run OPEN (no API keys) on an address other machines can reach: " + reachable;
    }

    /** What was refused, without what to do about it ({@link #ACTION}). */
    public String description() {
        return description;
    }
}
