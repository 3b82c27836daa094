package io.pipelens.command.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Query parameters (and CLI options) become options and a mapping, or a problem naming the parameter. */
class ImportParametersTest {

    private static ImportParameters with(String defaultCurrency, String dealIdPrefix) {
        return new ImportParameters("main", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, defaultCurrency, dealIdPrefix, null, null, null, null,
                null);
    }

    private static ImportParameters xes(String format, String lifecycle) {
        return new ImportParameters("main", format, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, lifecycle, null, null, null, null);
    }

    @Test
    void readsAnXesLogByItsTraceAndEventNamesWhenTheContentTypeIsXml() {
        ImportParameters.Parsed parsed = xes(null, "complete,Start").parse("application/xml");

        assertThat(parsed.options().format()).isEqualTo(ImportOptions.ImportFormat.XES);
        assertThat(parsed.mapping().columns()).isEqualTo(ImportMapping.Columns.of("case:concept:name",
                "time:timestamp", "concept:name"));
        assertThat(parsed.mapping().lifecycle()).isEqualTo(new ImportMapping.Lifecycle("lifecycle:transition",
                java.util.Set.of("complete", "start")));
        assertThat(xes("xes", null).parse("application/gzip").options().format())
                .isEqualTo(ImportOptions.ImportFormat.XES);
        assertThat(xes(null, null).parse("application/gzip").mapping().lifecycle())
                .isEqualTo(ImportMapping.Lifecycle.ALL);
    }

    @Test
    void readsTheDefaultCurrencyInUpperCase() {
        assertThat(with(" eur ", null).parse("text/csv").mapping().defaultCurrency()).isEqualTo("EUR");
    }

    @Test
    void refusesADefaultCurrencyThatIsNoIso4217Code() {
        for (String code : new String[] {"EURO", "E1R", "XYZ"}) {
            ImportRejectedException refused = catchThrowableOfType(ImportRejectedException.class,
                    () -> with(code, null).parse("text/csv"));

            assertThat(refused.problems()).as(code).singleElement().isEqualTo(new ImportProblem(0, "defaultCurrency",
                    "invalid-parameter", "'" + code + "' is not an ISO-4217 currency code; use three letters such as"
                    + " EUR or USD"));
        }
    }

    @Test
    void readsADealIdPrefixAndRefusesOneThatIsNoKey() {
        assertThat(with(null, "web-").parse("text/csv").mapping().dealIdPrefix()).isEqualTo("web-");

        ImportRejectedException refused = catchThrowableOfType(ImportRejectedException.class,
                () -> with(null, "web shop-").parse("text/csv"));

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo("dealIdPrefix");
            assertThat(problem.code()).isEqualTo("invalid-parameter");
            assertThat(problem.reason()).startsWith("'web shop-' is not a deal id prefix");
        });
    }

    private static ImportParameters fromActivities(String map, Boolean stagesFromActivities) {
        return new ImportParameters("raw", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, map, null, null, null, null, null, null, null, stagesFromActivities, null,
                null);
    }

    @Test
    void readsStagesFromActivitiesAndRefusesItWithAMap() {
        assertThat(fromActivities(null, true).parse("text/csv").options().stagesFromActivities()).isTrue();
        assertThat(fromActivities(null, null).parse("text/csv").options().stagesFromActivities()).isFalse();
        assertThat(fromActivities("Call:contact", null).parse("text/csv").options().stagesFromActivities()).isFalse();

        ImportRejectedException refused = catchThrowableOfType(ImportRejectedException.class,
                () -> fromActivities("Call:contact", true).parse("text/csv"));

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo("map");
            assertThat(problem.code()).isEqualTo("invalid-parameter");
            assertThat(problem.reason()).contains("cannot be used with stagesFromActivities");
        });
    }
}
