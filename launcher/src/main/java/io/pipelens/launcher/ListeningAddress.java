package io.pipelens.launcher;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.core.env.Environment;

/**
 * Where a started service answers, for the start-up banner: {@code http://<server.address>:<port>}. A service on
 * every interface ({@code 0.0.0.0}, {@code ::}, or no {@code server.address}) is shown at 127.0.0.1, which answers
 * too, with a remark saying so, since other machines then reach it as well.
 *
 * @param url    {@code http://<address>:<port>}
 * @param remark {@code " (every interface: server.address=0.0.0.0)"} and the like, or empty
 */
record ListeningAddress(String url, String remark) {

    private static final String LOOPBACK = "127.0.0.1";

    static ListeningAddress of(Environment service) {
        String port = service.getProperty("local.server.port");
        String address = service.getProperty("server.address", "").trim();
        if (address.isEmpty()) {
            return new ListeningAddress(url(LOOPBACK, port), " (every interface: server.address is not set)");
        }
        if (isEveryInterface(address)) {
            return new ListeningAddress(url(LOOPBACK, port), " (every interface: server.address=" + address + ")");
        }
        boolean ipv6 = address.contains(":") && !address.startsWith("[");
        return new ListeningAddress(url(ipv6 ? "[" + address + "]" : address, port), "");
    }

    private static String url(String host, String port) {
        return "http://" + host + ":" + port;
    }

    /**
     * Whether {@code address} is the wildcard address. Only IP literals are parsed (InetAddress parses those without
     * a name lookup); a host name is never the wildcard.
     */
    private static boolean isEveryInterface(String address) {
        String literal = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        if (!literal.contains(":") && !literal.matches("[0-9.]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isAnyLocalAddress();
        } catch (UnknownHostException notALiteral) {
            return false;
        }
    }
}
