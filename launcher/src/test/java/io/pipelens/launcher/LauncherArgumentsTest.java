package io.pipelens.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The launcher's command line: which arguments reach which service, and what it refuses. */
@ExtendWith(OutputCaptureExtension.class)
class LauncherArgumentsTest {

    @Test
    void plainPropertiesGoToBothServices() {
        LauncherArguments arguments = LauncherArguments.parse("--pipelens.data-dir=/tmp/p", "--server.address=0.0.0.0");

        assertThat(arguments.command()).containsExactly("--pipelens.data-dir=/tmp/p", "--server.address=0.0.0.0");
        assertThat(arguments.query()).containsExactly("--pipelens.data-dir=/tmp/p", "--server.address=0.0.0.0");
        assertThat(arguments.help()).isFalse();
    }

    @Test
    void prefixedPropertiesGoToTheirServiceOnly() {
        LauncherArguments arguments = LauncherArguments.parse("--command.server.port=9081",
                "--query.server.port=9082", "--query.pipelens.processing.threads=2", "--pipelens.data-dir=/tmp/p");

        assertThat(arguments.command()).containsExactly("--server.port=9081", "--pipelens.data-dir=/tmp/p");
        assertThat(arguments.query()).containsExactly("--server.port=9082", "--pipelens.processing.threads=2",
                "--pipelens.data-dir=/tmp/p");
    }

    @Test
    void aPortBothServicesWouldShareIsRefusedNamingTheOptionsToUse() {
        assertThatThrownBy(() -> LauncherArguments.parse("--pipelens.data-dir=/tmp/p", "--server.port=9090"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--server.port=9090 would give both services the same port")
                .hasMessageContaining("--command.server.port=<port>")
                .hasMessageContaining("--query.server.port=<port>");
    }

    @Test
    void portZeroMayBeSharedSinceEachServiceThenGetsAFreePortOfItsOwn() {
        assertThat(LauncherArguments.parse("--server.port=0").query()).containsExactly("--server.port=0");
    }

    @Test
    void helpPrintsTheOptionsAndStartsNothing(CapturedOutput output) {
        PipelensLauncher.main(new String[] {"--help"});

        assertThat(output.getOut()).startsWith("Usage: ./pipelens [-h | --help]")
                .contains("-h, --help                       print this help and exit")
                .contains("by default on the embedded stores")
                .contains("spring.datasource.url / spring.data.mongodb.uri point it\nelsewhere, see docs/operations.md")
                .contains("--command.server.port=<port>     the command service's port (default 8081")
                .contains("--query.server.port=<port>       the query service's port (default 8082")
                .contains("--server.address=<address>")
                .contains("--pipelens.security.allow-open-network=true")
                .doesNotContain("Starting");
    }

    @Test
    void theShortHelpOptionPrintsTheSameHelp(CapturedOutput output) {
        PipelensLauncher.main(new String[] {"-h"});

        assertThat(output.getOut()).isEqualTo(LauncherArguments.USAGE);
    }
}
