package io.pipelens.platform.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The addresses a service's HTTP servers listen on, as configured: {@code server.address} and, when the management
 * endpoints have a port of their own, {@code management.server.address}. An unset address means every interface.
 */
final class ListenAddresses {

    private ListenAddresses() {
    }

    /** Each configured listen address that other machines could reach, as {@code property=value}; empty if none. */
    static List<String> reachableFromOtherMachines(Environment environment) {
        List<String> reachable = new ArrayList<>();
        check(environment, "server.address", reachable);
        if (StringUtils.hasText(environment.getProperty("management.server.port"))) {
            check(environment, "management.server.address", reachable);
        }
        return reachable;
    }

    private static void check(Environment environment, String property, List<String> reachable) {
        String address = environment.getProperty(property);
        if (!isLoopback(address)) {
            reachable.add(property + "=" + (StringUtils.hasText(address) ? address : "(unset: every interface)"));
        }
    }

    private static boolean isLoopback(String address) {
        if (!StringUtils.hasText(address)) {
            return false;
        }
        try {
            return InetAddress.getByName(address.trim()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
