package io.pipelens.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pipelens.security.*}: who may call the services. Keys are configured per deployment, each with a name (for
 * logs and error messages), one role, and either its SHA-256 hash ({@code sha256}, hex; preferred: the configuration
 * then holds no usable secret) or the key itself ({@code key}).
 *
 * @param mode {@code open} (no authentication: every caller may do everything), {@code keys} (every call needs a key),
 *             or unset: keys when some are configured, open otherwise
 * @param keys the API keys
 * @param allowOpenNetwork lets a service run open on an address other machines can reach ({@code server.address}
 *             unset, {@code 0.0.0.0}, or any address but a loopback one). Without it such a start is refused: open
 *             mode is meant for the loopback address, where only this machine's users can call the service.
 */
@ConfigurationProperties("pipelens.security")
public record SecurityProperties(Mode mode, List<Key> keys, @DefaultValue("false") boolean allowOpenNetwork) {

    public SecurityProperties {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /** How requests are authenticated. */
    public enum Mode {
        OPEN, KEYS
    }

    /** One configured key. */
    public record Key(String name, String key, String sha256, Role role) {
    }
}
