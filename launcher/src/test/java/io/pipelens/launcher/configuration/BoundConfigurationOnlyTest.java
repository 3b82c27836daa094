package io.pipelens.launcher.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Main code reads {@code pipelens.*} keys only through the {@code @ConfigurationProperties} records: no
 * {@code @Value("${pipelens…}")}, no placeholder in {@code @Scheduled} or a condition, no
 * {@code getProperty("pipelens…")}. A key read past the records would have no metadata, no checked default and no
 * place in the configuration reference.
 */
class BoundConfigurationOnlyTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern LOOSE_READ = Pattern.compile("\\$\\{pipelens\\.|getProperty\\(\\s*\"pipelens\\.");

    @Test
    void noMainCodeReadsAPipelensKeyPastTheRecords() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(ROOT, 12)) {
            sources = files.filter(BoundConfigurationOnlyTest::isMainJava).toList();
        }
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                if (LOOSE_READ.matcher(lines.get(i)).find()) {
                    found.add(ROOT.relativize(source) + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        assertThat(sources).hasSizeGreaterThan(100);
        assertThat(found).as("pipelens.* keys read past the @ConfigurationProperties records").isEmpty();
    }

    private static boolean isMainJava(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.endsWith(".java") && path.contains("/src/main/java/") && !path.contains("/target/")
                && !path.contains("/node_modules/");
    }
}
