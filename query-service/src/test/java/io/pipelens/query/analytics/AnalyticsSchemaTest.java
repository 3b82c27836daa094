package io.pipelens.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.TypeName;
import graphql.parser.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * An interval is only readable with what it bounds and when it is null, so every one says so in GraphiQL; and every
 * analytics query can be asked as of an instant, saying what that means.
 */
class AnalyticsSchemaTest {

    @Test
    void everyAnalyticsQueryTakesADescribedAsOf() throws IOException {
        List<String> queries = new ArrayList<>();
        List<String> lacking = new ArrayList<>();
        for (Document schema : schemas(List.of("analytics/*.graphqls", "quality.graphqls"))) {
            for (ObjectTypeExtensionDefinition query : schema.getDefinitionsOfType(
                    ObjectTypeExtensionDefinition.class)) {
                for (FieldDefinition field : query.getFieldDefinitions()) {
                    queries.add(field.getName());
                    // movement is as of the end of its period, which its "to" states
                    boolean described = field.getInputValueDefinitions().stream().anyMatch(argument ->
                            (argument.getName().equals("asOf") || field.getName().equals("movement")
                                    && argument.getName().equals("to")) && argument.getDescription() != null
                                    && !argument.getDescription().getContent().isBlank());
                    if (!described) {
                        lacking.add(field.getName());
                    }
                }
            }
        }

        assertThat(queries).contains("funnel", "timeInStage", "skipImpact", "bottlenecks", "salesVelocity",
                "compareVersions", "changeImpact", "discoverStages", "dataQuality");
        assertThat(lacking).isEmpty();
    }

    private static List<Document> schemas(List<String> patterns) throws IOException {
        List<Document> schemas = new ArrayList<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : patterns) {
            for (Resource file : resolver.getResources("classpath*:graphql/query/" + pattern)) {
                try (InputStream in = file.getInputStream()) {
                    schemas.add(Parser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        return schemas;
    }

    @Test
    void everyIntervalSaysWhatItBounds() throws IOException {
        List<ObjectTypeDefinition> types = new ArrayList<>();
        for (Document schema : schemas(List.of("analytics.graphqls", "analytics/*.graphqls"))) {
            types.addAll(schema.getDefinitionsOfType(ObjectTypeDefinition.class));
        }
        List<String> intervals = new ArrayList<>();
        List<String> undescribed = new ArrayList<>();
        for (ObjectTypeDefinition type : types) {
            for (FieldDefinition field : type.getFieldDefinitions()) {
                if (field.getType() instanceof TypeName name && name.getName().equals("Interval")) {
                    String at = type.getName() + "." + field.getName();
                    intervals.add(at);
                    if (field.getDescription() == null || field.getDescription().getContent().isBlank()) {
                        undescribed.add(at);
                    }
                }
            }
        }

        assertThat(intervals).contains("FunnelStage.stageConversionCi", "Funnel.winRateCi",
                "StageSkipImpact.lostRateVisitedCi", "CurrencyVelocity.winRateCi");
        assertThat(undescribed).isEmpty();
    }
}
