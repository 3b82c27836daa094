package io.pipelens.launcher.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.launcher.configuration.ConfigurationMetadata.Property;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code pipelens.*} key the project sets or documents is declared by a {@code @ConfigurationProperties} record,
 * so it appears in the generated metadata: a key set in a properties file, in docker-compose.yml (as an environment
 * variable), in the launcher's usage or in a configuration table of the docs. And the docs' configuration reference
 * lists every declared key with the default the metadata gives.
 */
class ConfigurationKeysTest {

    private static final Path ROOT = Path.of("..");
    private static final Path REFERENCE = ROOT.resolve("docs/operations.md");
    private static final Pattern KEY = Pattern.compile("pipelens\\.[a-z][a-z0-9.\\-]*[a-z0-9](\\[[0-9]+][a-z0-9.\\-]*)?");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `(pipelens\\.[^`]+)` \\| ([^|]*) \\|");
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("^\\s+(PIPELENS_[A-Z0-9_]+):");

    private final ConfigurationMetadata metadata = ConfigurationMetadata.onClassPath();

    @Test
    void metadataDescribesEveryKeyOfEveryModule() {
        assertThat(metadata.properties()).containsKeys("pipelens.data-dir", "pipelens.security.mode",
                "pipelens.batch.max-items", "pipelens.import.max-bytes", "pipelens.demo.deals",
                "pipelens.processing.segments", "pipelens.replay.max-events-per-second", "pipelens.metrics.refresh");
        assertThat(metadata.properties().values()).allSatisfy(property ->
                assertThat(property.description()).as(property.name() + " has a description").isNotBlank());
    }

    @Test
    void keysInPropertiesFilesAreDeclared() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT, 6)) {
            for (Path file : files.filter(ConfigurationKeysTest::isMainProperties).toList()) {
                for (String line : Files.readAllLines(file)) {
                    Matcher key = Pattern.compile("^(pipelens\\.[^=\\s]+)\\s*=").matcher(line);
                    if (key.find()) {
                        keys.add(key.group(1));
                    }
                }
            }
        }
        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(metadata.declares(key)).as(key).isTrue());
    }

    @Test
    void defaultsRepeatedInPropertiesFilesAgreeWithTheRecords() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("platform/src/main/resources/pipelens-defaults.properties"));
        assertThat(lines).contains("pipelens.data-dir=" + metadata.properties().get("pipelens.data-dir").defaultValue());
    }

    @Test
    void environmentVariablesOfDockerComposeAreDeclared() throws IOException {
        Set<String> variables = new TreeSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("docker-compose.yml"))) {
            Matcher variable = COMPOSE_VARIABLE.matcher(line);
            if (variable.find()) {
                variables.add(variable.group(1));
            }
        }
        assertThat(variables).isNotEmpty().allSatisfy(variable ->
                assertThat(metadata.declaresEnvironmentVariable(variable)).as(variable).isTrue());
    }

    @Test
    void keysInTheLauncherUsageAreDeclared() throws Exception {
        var usage = Class.forName("io.pipelens.launcher.LauncherArguments").getDeclaredField("USAGE");
        usage.setAccessible(true);
        Set<String> keys = keysIn((String) usage.get(null));
        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(metadata.declares(key)).as(key).isTrue());
    }

    @Test
    void keysInTheDocsConfigurationTablesAreDeclared() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> docs = Stream.concat(Files.list(ROOT.resolve("docs")), Stream.of(ROOT.resolve("README.md")))) {
            for (Path doc : docs.filter(path -> path.toString().endsWith(".md")).toList()) {
                keys.addAll(tableRows(doc).keySet());
            }
        }
        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(metadata.declares(key)).as(key).isTrue());
    }

    @Test
    void theConfigurationReferenceListsEveryKeyWithItsDefault() throws IOException {
        Map<String, String> reference = tableRows(section(REFERENCE, "## Configuration reference"));
        for (Property property : metadata.properties().values()) {
            assertThat(reference).as("docs/operations.md lists " + property.name()).containsKey(property.name());
            if (property.defaultValue() != null) {
                assertThat(reference.get(property.name())).as("default of " + property.name())
                        .isEqualTo("`" + property.defaultValue() + "`");
            }
        }
    }

    private static boolean isMainProperties(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.endsWith(".properties") && path.contains("/src/main/resources/") && !path.contains("/target/");
    }

    private static Set<String> keysIn(String text) {
        Set<String> keys = new TreeSet<>();
        Matcher key = KEY.matcher(text);
        while (key.find()) {
            keys.add(key.group());
        }
        return keys;
    }

    /** The lines of {@code doc} from {@code heading} to the next heading of its level. */
    private static List<String> section(Path doc, String heading) throws IOException {
        List<String> lines = Files.readAllLines(doc);
        int start = lines.indexOf(heading);
        assertThat(start).as(doc + " has a section " + heading).isNotNegative();
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        return lines.subList(start, end);
    }

    private static Map<String, String> tableRows(Path doc) throws IOException {
        return tableRows(Files.readAllLines(doc));
    }

    /** The rows of the tables whose first column is a {@code pipelens.*} key: key → second column, trimmed. */
    private static Map<String, String> tableRows(List<String> lines) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher row = TABLE_ROW.matcher(line);
            if (row.find()) {
                rows.put(row.group(1), row.group(2).trim());
            }
        }
        return rows;
    }
}
