package io.pipelens.demo;

import io.pipelens.command.importing.DealImporter;
import io.pipelens.command.importing.ImportOptions;
import io.pipelens.command.importing.ImportProgress;
import io.pipelens.command.importing.ImportSummary;
import io.pipelens.command.pipeline.PipelineCatalog;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;

/**
 * With the demo data, also the pipeline {@code demo-activities}: {@value #DEALS} closed deals of a CRM whose stages
 * are seller activities ({@link DemoActivities}), imported as a CRM export would be, the first time with
 * {@code stagesFromActivities} so that the import defines the pipeline from the activities. Loading again adds
 * nothing. Loaded with the demo data only: {@link DemoDataConfiguration} imports it when deals are asked for.
 */
@ConditionalOnBean(DealImporter.class)
public class DemoActivityLoader implements ApplicationRunner {

    static final String PIPELINE = "demo-activities";
    static final int DEALS = 400;
    private static final Logger log = LoggerFactory.getLogger(DemoActivityLoader.class);

    private final DealImporter importer;
    private final PipelineCatalog pipelines;
    private final long seed;
    private final Instant asOf;

    public DemoActivityLoader(DealImporter importer, PipelineCatalog pipelines, Clock clock, DemoProperties settings) {
        this.importer = importer;
        this.pipelines = pipelines;
        this.seed = settings.seed();
        this.asOf = settings.asOf() == null ? clock.instant().truncatedTo(ChronoUnit.DAYS) : settings.asOf();
    }

    /** The deals as the CSV event log a CRM export would give. */
    byte[] log() {
        StringBuilder csv = new StringBuilder();
        DemoEventLog.write(new DemoActivities(PIPELINE, seed, asOf).deals(DEALS).iterator(), csv);
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void run(ApplicationArguments args) {
        ImportOptions options = ImportOptions.csv().withSource("demo activities");
        if (pipelines.current(PIPELINE).isEmpty()) {
            options = options.definingStagesFromActivities();
        }
        ImportSummary summary = importer.importLog(PIPELINE, new ByteArrayInputStream(log()), options,
                DemoEventLog.mapping(), ImportProgress.NONE);
        log.info("Demo data: {} deals of seller activities in pipeline '{}': {} changes recorded, {} already there",
                summary.deals(), PIPELINE, summary.transitionsAppended(), summary.duplicates());
    }
}
