package io.pipelens.launcher.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pipelens.launcher.PipelensLauncher;
import io.pipelens.launcher.PipelensLauncher.Services;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.FileSystemUtils;

/**
 * What {@code ./pipelens} prints: no advertisements or warnings nobody can act on, each line labelled with the
 * service that logged it, and nothing at all while it idles, health checks and scrapes included.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuietStartTest {

    private static final Duration SILENCE = Duration.ofSeconds(3);

    private Path dataDir;
    private Services services;

    @BeforeAll
    void start() throws IOException {
        dataDir = Files.createTempDirectory("pipelens-quiet-start");
        // The launcher's own logging configuration, as the jar uses it: on the test classpath the query service's
        // logback-test.xml (its test jar) would be found first.
        services = PipelensLauncher.start("--pipelens.data-dir=" + dataDir, "--server.port=0",
                "--logging.config=classpath:logback-spring.xml");
    }

    @AfterAll
    void stop() throws IOException {
        services.close();
        FileSystemUtils.deleteRecursively(dataDir);
    }

    @Test
    void startsWithoutTheConsoleAdvertisementOrWarningsAboutAxonsAnnotations(CapturedOutput output) {
        assertThat(output.getOut()).contains("Tomcat started on port " + services.queryPort())
                .doesNotContain("AxonIQ Console")
                .doesNotContain("convention-based annotation attribute overrides");
    }

    @Test
    void eachLineIsLabelledWithTheServiceThatLoggedIt(CapturedOutput output) {
        await().atMost(Duration.ofSeconds(60)).until(() -> output.getOut().contains("TrackingEventProcessor"));
        String out = output.getOut();

        assertThat(linesWith(out, "command-service runs OPEN")).isNotEmpty().allMatch(labelled("command-service"));
        assertThat(linesWith(out, "Tomcat started on port " + services.commandPort() + " "))
                .isNotEmpty().allMatch(labelled("command-service"));
        assertThat(linesWith(out, "query-service runs OPEN")).isNotEmpty().allMatch(labelled("query-service"));
        assertThat(linesWith(out, "Tomcat started on port " + services.queryPort() + " "))
                .isNotEmpty().allMatch(labelled("query-service"));
        assertThat(linesWith(out, "Embedded MongoDB server")).isNotEmpty().allMatch(labelled("query-service"));
        assertThat(linesWith(out, "TrackingEventProcessor")).as("the query service's processor threads")
                .isNotEmpty().allMatch(labelled("query-service"));
    }

    @Test
    void anIdleServiceLogsNothingWhileItIsHealthCheckedAndScraped(CapturedOutput output) throws Exception {
        String settled = awaitSilence(output);
        HttpClient http = HttpClient.newHttpClient();
        for (String port : List.of(services.commandPort(), services.queryPort())) {
            for (String path : List.of("/actuator/health", "/actuator/prometheus")) {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.discarding());
                assertThat(response.statusCode()).as(path).isEqualTo(200);
            }
        }
        // Nothing logged is a condition that must hold for a while, not one to wait for.
        await().during(SILENCE.multipliedBy(2)).atMost(SILENCE.multipliedBy(3))
                .untilAsserted(() -> assertThat(output.getOut().substring(settled.length()))
                        .as("logged while idle").isEmpty());
    }

    /** The output once it has not grown for {@link #SILENCE}: the processors log their start after the services'. */
    private static String awaitSilence(CapturedOutput output) {
        AtomicReference<String> last = new AtomicReference<>(output.getOut());
        AtomicLong grewAt = new AtomicLong(System.nanoTime());
        await("the output settles").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String now = output.getOut();
            if (now.length() != last.get().length()) {
                last.set(now);
                grewAt.set(System.nanoTime());
            }
            return System.nanoTime() - grewAt.get() >= SILENCE.toNanos();
        });
        return last.get();
    }

    private static List<String> linesWith(String out, String text) {
        return out.lines().filter(line -> line.contains(text)).toList();
    }

    private static Predicate<String> labelled(String service) {
        Pattern label = Pattern.compile(" --- \\[" + service + "] \\[");
        return line -> label.matcher(line).find();
    }
}
