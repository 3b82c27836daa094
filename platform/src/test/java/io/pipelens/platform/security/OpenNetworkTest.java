package io.pipelens.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** Open mode is for the loopback address: on an address other machines can reach it is refused unless forced. */
@ExtendWith(OutputCaptureExtension.class)
class OpenNetworkTest {

    private static final SecurityProperties.Key KEY =
            new SecurityProperties.Key("crm", "crm-key-0123456789abcdef", null, Role.WRITE);

    private static MockEnvironment listeningOn(String address) {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "query-service");
        return address == null ? environment : environment.withProperty("server.address", address);
    }

    private static PipelensSecurityConfiguration.AccessPolicy start(List<SecurityProperties.Key> keys,
                                                                    boolean allowOpenNetwork,
                                                                    MockEnvironment environment) {
        return new PipelensSecurityConfiguration().pipelensAccessPolicy(
                new SecurityProperties(null, keys, allowOpenNetwork), environment);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "::1", "localhost"})
    void openOnALoopbackAddressStarts(String address) {
        assertThat(start(List.of(), false, listeningOn(address)).isOpen()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "192.0.2.7"})
    void openOnAnAddressOtherMachinesReachIsRefusedNamingWhatToSet(String address) {
        assertThatThrownBy(() -> start(List.of(), false, listeningOn(address)))
                .hasMessageStartingWith("query-service would run OPEN (no API keys) on an address other machines can "
                        + "reach: server.address=" + address)
                .hasMessageContaining("pipelens.security.keys[0].name")
                .hasMessageContaining("server.address=127.0.0.1")
                .hasMessageContaining("pipelens.security.allow-open-network=true");
    }

    @Test
    void openWithNoAddressListensOnEveryInterfaceAndIsRefused() {
        assertThatThrownBy(() -> start(List.of(), false, listeningOn(null)))
                .hasMessageContaining("server.address=(unset: every interface)");
    }

    @Test
    void openManagementPortOnEveryInterfaceIsRefusedToo() {
        MockEnvironment environment = listeningOn("127.0.0.1").withProperty("management.server.port", "9001");

        assertThatThrownBy(() -> start(List.of(), false, environment))
                .hasMessageContaining("management.server.address=(unset: every interface)");
        assertThat(start(List.of(), false, environment.withProperty("management.server.address", "127.0.0.1"))
                .isOpen()).isTrue();
    }

    @Test
    void forcedOpenOnTheNetworkStartsAndWarns(CapturedOutput output) {
        assertThat(start(List.of(), true, listeningOn("0.0.0.0")).isOpen()).isTrue();

        assertThat(output.getOut()).containsPattern("WARN .*query-service runs OPEN on an address other machines can "
                + "reach \\(server.address=0.0.0.0\\), as pipelens.security.allow-open-network allows");
    }

    @Test
    void theRefusalIsReportedAsWhatWasRefusedAndWhatToSetNotAsAStackTrace() {
        Throwable refusal = catchThrowable(() -> start(List.of(), false, listeningOn("0.0.0.0")));

        FailureAnalysis analysis = new OpenNetworkFailureAnalyzer()
                .analyze(new BeanCreationException("pipelensAccessPolicy", "failed", refusal));

        assertThat(analysis.getDescription()).isEqualTo("query-service would run OPEN (no API keys) on an address "
                + "other machines can reach: server.address=0.0.0.0");
        assertThat(analysis.getAction()).contains("server.address=127.0.0.1")
                .contains("pipelens.security.allow-open-network=true");
    }

    @Test
    void keysOnAnyAddressStart() {
        assertThat(start(List.of(KEY), false, listeningOn("0.0.0.0")).isOpen()).isFalse();
        assertThat(start(List.of(KEY), false, listeningOn(null)).isOpen()).isFalse();
    }
}
