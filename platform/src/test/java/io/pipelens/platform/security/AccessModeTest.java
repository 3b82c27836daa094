package io.pipelens.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** Which access mode a service starts in, and what it says about it at start-up. */
@ExtendWith(OutputCaptureExtension.class)
class AccessModeTest {

    private static final SecurityProperties.Key KEY =
            new SecurityProperties.Key("crm", "crm-key-0123456789abcdef", null, Role.WRITE);

    private static PipelensSecurityConfiguration.AccessPolicy start(SecurityProperties.Mode mode,
                                                                    List<SecurityProperties.Key> keys) {
        return new PipelensSecurityConfiguration().pipelensAccessPolicy(new SecurityProperties(mode, keys, false),
                new MockEnvironment().withProperty("spring.application.name", "query-service")
                        .withProperty("server.address", "127.0.0.1"));
    }

    @Test
    void withoutKeysItRunsOpenAndWarnsHowToConfigureKeys(CapturedOutput output) {
        assertThat(start(null, null).isOpen()).isTrue();

        assertThat(output.getOut()).containsPattern("WARN .*query-service runs OPEN: no API keys are configured")
                .contains("pipelens.security.keys[0].name=")
                .contains("docs/operations.md");
    }

    @Test
    void withKeysItRequiresThemAndDoesNotWarn(CapturedOutput output) {
        PipelensSecurityConfiguration.AccessPolicy policy = start(null, List.of(KEY));

        assertThat(policy.isOpen()).isFalse();
        assertThat(policy.keys().find("crm-key-0123456789abcdef")).isPresent();
        assertThat(output.getOut()).doesNotContain("runs OPEN").contains("query-service requires API keys: 1 configured");
    }

    @Test
    void keysModeWithoutKeysRefusesToStart() {
        assertThatThrownBy(() -> start(SecurityProperties.Mode.KEYS, List.of()))
                .hasMessageStartingWith("pipelens.security.mode=keys but no key is configured");
    }

    @Test
    void openModeWithKeysRefusesToStartRatherThanIgnoreThem() {
        assertThatThrownBy(() -> start(SecurityProperties.Mode.OPEN, List.of(KEY)))
                .hasMessageStartingWith("pipelens.security.mode=open but 1 API keys are configured");
    }

    @Test
    void aBrokenKeyRefusesToStartNamingTheProperty() {
        assertThatThrownBy(() -> start(SecurityProperties.Mode.KEYS,
                List.of(new SecurityProperties.Key("crm", "short", null, Role.WRITE))))
                .hasMessageContaining("pipelens.security.keys[0].key");
    }
}
