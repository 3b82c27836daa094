package io.pipelens.launcher.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pipelens.launcher.PipelensLauncher;
import io.pipelens.launcher.PipelensLauncher.Services;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where both services listen: the loopback address unless told otherwise, each on the port given to it, and never
 * open to the network unless forced.
 */
class NetworkBindingTest {

    @TempDir
    Path dataDir;

    @Test
    void byDefaultEachServiceListensOnItsOwnPortOfTheLoopbackAddressOnly() throws IOException {
        int commandPort = freePort();
        int queryPort = freePort();
        try (Services services = PipelensLauncher.start("--pipelens.data-dir=" + dataDir,
                "--command.server.port=" + commandPort, "--query.server.port=" + queryPort)) {
            assertThat(services.commandPort()).isEqualTo(String.valueOf(commandPort));
            assertThat(services.queryPort()).isEqualTo(String.valueOf(queryPort));
            assertThat(boundAddress(services.command())).isEqualTo(InetAddress.getLoopbackAddress());
            assertThat(boundAddress(services.query())).isEqualTo(InetAddress.getLoopbackAddress());
            assertThat(connects(InetAddress.getLoopbackAddress(), commandPort)).isTrue();

            Optional<InetAddress> network = networkAddress();
            assumeTrue(network.isPresent(), "this machine has no network address to try");
            assertThat(connects(network.get(), commandPort)).as("command service from %s", network.get()).isFalse();
            assertThat(connects(network.get(), queryPort)).as("query service from %s", network.get()).isFalse();
        }
    }

    @Test
    void withoutKeysAnAddressOtherMachinesReachIsRefusedAtStartUp() {
        assertThatThrownBy(() -> PipelensLauncher.start("--pipelens.data-dir=" + dataDir, "--server.port=0",
                "--server.address=0.0.0.0"))
                .rootCause()
                .hasMessageStartingWith("command-service would run OPEN (no API keys) on an address other machines "
                        + "can reach: server.address=0.0.0.0")
                .hasMessageContaining("pipelens.security.allow-open-network=true");
    }

    @Test
    void anExplicitAddressIsBoundThereOnceOpenModeOnTheNetworkIsForced() throws IOException {
        try (Services services = PipelensLauncher.start("--pipelens.data-dir=" + dataDir, "--server.port=0",
                "--server.address=0.0.0.0", "--pipelens.security.allow-open-network=true")) {
            assertThat(boundAddress(services.command()).isAnyLocalAddress()).isTrue();
            assertThat(boundAddress(services.query()).isAnyLocalAddress()).isTrue();

            Optional<InetAddress> network = networkAddress();
            assumeTrue(network.isPresent(), "this machine has no network address to try");
            assertThat(connects(network.get(), Integer.parseInt(services.queryPort()))).isTrue();
        }
    }

    private static InetAddress boundAddress(ConfigurableApplicationContext service) {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) service).getWebServer();
        return (InetAddress) server.getTomcat().getConnector().getProperty("address");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** One of this machine's own IPv4 addresses that is not a loopback one, if it has any. */
    private static Optional<InetAddress> networkAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(NetworkBindingTest::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()
                        && !address.isLinkLocalAddress())
                .findFirst();
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    private static boolean connects(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }
}
