package io.pipelens.command.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.pipelens.command.CommandServiceApplication;
import io.pipelens.kernel.pipeline.DefinePipelineCommand;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Malformed files against the real event store: each is refused with every problem named by row, column, code and
 * reason, and the store holds exactly the events it held before (none of the file's valid rows either).
 */
@SpringBootTest(classes = CommandServiceApplication.class, properties = {
        "spring.config.name=command-service",
        "spring.datasource.url=jdbc:h2:mem:import-test;DB_CLOSE_DELAY=-1",
        "spring.graphql.graphiql.enabled=false"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedImportTest {

    private static final String PIPELINE = "malformed";
    private static final String VALID = "ok-1,2026-01-05T09:00:00Z,contact\nok-1,2026-01-06T09:00:00Z,profiling\n";

    @Autowired
    private DealImporter importer;
    @Autowired
    private CommandGateway gateway;
    @Autowired
    private JdbcTemplate jdbc;

    private long eventsBefore;

    @BeforeAll
    void definePipeline() {
        gateway.sendAndWait(new DefinePipelineCommand(PIPELINE, PIPELINE, SolutionSalesTemplate.STAGES,
                Instant.parse("2025-01-01T00:00:00Z")));
    }

    @BeforeEach
    void countEvents() {
        eventsBefore = events();
    }

    @AfterEach
    void storeIsUnchanged() {
        assertThat(events()).as("events in the store after a refused file").isEqualTo(eventsBefore);
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private ImportRejectedException refused(byte[] file) {
        ImportRejectedException refused = catchThrowableOfType(ImportRejectedException.class,
                () -> importer.importLog(PIPELINE, new ByteArrayInputStream(file), ImportOptions.csv(),
                        ImportMapping.defaults(), ImportProgress.NONE));
        assertThat(refused).as("the file is refused").isNotNull();
        return refused;
    }

    private ImportRejectedException refused(String csv) {
        return refused(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesBadTimestampsByRow() {
        ImportRejectedException refused = refused("deal_id,timestamp,stage\n" + VALID + """
                bad-1,05/01/2026,contact
                bad-2,2026-13-45T09:00:00Z,contact
                bad-3,2026-01-05T09:00:00,contact
                """);

        assertThat(refused.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::code)
                .containsExactly(tuple(3L, "timestamp", "unparsable-timestamp"),
                        tuple(4L, "timestamp", "unparsable-timestamp"), tuple(5L, "timestamp", "unparsable-timestamp"));
        assertThat(refused.problems().get(0).reason()).startsWith("'05/01/2026' is not a timestamp; expected ISO-8601");
    }

    @Test
    void refusesUnknownActivitiesByRow() {
        ImportRejectedException refused = refused("deal_id,timestamp,stage\n" + VALID + """
                ok-1,2026-01-07T09:00:00Z,Call
                ok-2,2026-01-05T09:00:00Z,proposal sent
                """);

        assertThat(refused.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::code)
                .containsExactly(tuple(3L, "stage", "unknown-activity"), tuple(4L, "stage", "unknown-activity"));
        assertThat(refused.problems().get(1).reason()).startsWith("'proposal sent' is neither a stage of pipeline "
                + "'malformed'");
    }

    @Test
    void refusesATruncatedLineByRow() {
        ImportRejectedException refused = refused("deal_id,timestamp,stage\n" + VALID + "ok-2,2026-01-05T09:00:00Z");

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(3);
            assertThat(problem.code()).isEqualTo("wrong-field-count");
            assertThat(problem.reason()).isEqualTo("has 2 fields, the header has 3 (a truncated line, or a stray "
                    + "delimiter?)");
        });
    }

    @Test
    void refusesAWrongDelimiterNamingTheOneToSet() {
        ImportRejectedException refused = refused(VALID.replace(',', ';').replace("ok-1;", "deal_id;timestamp;stage\n"
                + "ok-1;"));

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isZero();
            assertThat(problem.column()).isEqualTo("header");
            assertThat(problem.code()).isEqualTo("wrong-delimiter");
            assertThat(problem.reason()).contains("the delimiter is probably not ','");
        });
    }

    @Test
    void refusesAnEmptyFile() {
        assertThat(refused("").problems()).containsExactly(new ImportProblem(0, null, "empty-file",
                "the file is empty"));
    }

    @Test
    void refuses50MegabytesOfGarbageQuickly() {
        byte[] garbage = new byte[50 * 1024 * 1024];
        new SplittableRandom(13).nextBytes(garbage);
        long started = System.nanoTime();

        ImportRejectedException refused = refused(garbage);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isZero();
            assertThat(problem.code()).isIn("missing-column", "wrong-delimiter", "unreadable");
        });
    }
}
