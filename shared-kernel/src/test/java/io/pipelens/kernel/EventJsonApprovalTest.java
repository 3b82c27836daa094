package io.pipelens.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.kernel.deal.DealAttributesChangedEvent;
import io.pipelens.kernel.deal.DealLostEvent;
import io.pipelens.kernel.deal.DealMovedToStageEvent;
import io.pipelens.kernel.deal.DealOpenedEvent;
import io.pipelens.kernel.deal.DealReopenedEvent;
import io.pipelens.kernel.deal.DealWonEvent;
import io.pipelens.kernel.importing.DealLogImportedEvent;
import io.pipelens.kernel.pipeline.PipelineDefinedEvent;
import io.pipelens.kernel.pipeline.PipelineRedefinedEvent;
import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.kernel.pipeline.StageMapping;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every stored event is read back for as long as the event store lives, so its JSON is a contract. Each event's wire
 * format is approved by hand in {@code approved-events/<EventName>.json}; a change that alters it fails here and
 * needs a new {@code @Revision} and an upcaster, not a new approved file.
 */
class EventJsonApprovalTest {

    /** Configured as Spring Boot configures its ObjectMapper, which Axon's Jackson serializer uses. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
            .build();

    /** Reads JSON for comparison only: decimals stay BigDecimal, as written, trailing zeroes included. */
    private static final ObjectReader TREE_READER = MAPPER.reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

    /**
     * Compares values as they are written: fields in any order (readers do not care), but numbers by their text, so
     * an amount of 12500.00 does not pass for 12500.0.
     */
    private static final Comparator<JsonNode> AS_WRITTEN = (approved, actual) -> {
        if (approved.isNumber() && actual.isNumber()) {
            return approved.asText().equals(actual.asText()) ? 0 : 1;
        }
        return approved.equals(actual) ? 0 : 1;
    };

    private static final String REVISION = "1";

    static Stream<Arguments> events() {
        return Stream.of(
                new DealOpenedEvent("d-1042", "solution-sales", "qualification",
                        new DealAttributes("alice", "referral", "enterprise", new BigDecimal("12500.00"), "EUR"),
                        Instant.parse("2025-03-03T09:15:00Z")),
                new DealMovedToStageEvent("d-1042", "solution-sales", "qualification", "requirements",
                        Instant.parse("2025-03-10T14:30:05.250Z")),
                new DealWonEvent("d-1042", "solution-sales", "signing", Instant.parse("2025-04-02T16:00:00Z")),
                new DealLostEvent("d-1043", "solution-sales", "terms", "Chose a competitor: lower price",
                        Instant.parse("2025-04-03T11:20:00Z")),
                new DealReopenedEvent("d-1043", "solution-sales", "qualification",
                        Instant.parse("2025-05-06T08:00:00Z")),
                new DealAttributesChangedEvent("d-1042", "solution-sales",
                        new DealAttributes("bob", "referral", null, null, null), Instant.parse("2025-03-12T10:00:00Z")),
                new PipelineDefinedEvent("solution-sales", "Solution Sales", 1, List.of(
                        new StageDefinition("contact", "Contact found", "We can reach the client",
                                "We have a contact and access to talk to the client", null),
                        new StageDefinition("qualification", "Qualification",
                                "The decision maker wants to solve the problem with us",
                                "Problem, solution and benefit confirmed; deadline, budget and deal plan agreed", 14)),
                        Instant.parse("2025-03-01T08:00:00Z")),
                new PipelineRedefinedEvent("solution-sales", 2, List.of(
                        new StageDefinition("contact", "Contact found", null, null, null),
                        new StageDefinition("qualification", "Qualification", null, null, 21)),
                        List.of(StageMapping.to("contact", "contact"), StageMapping.absorbed("call"),
                                StageMapping.to("qualification", "qualification")),
                        Instant.parse("2025-06-01T08:00:00Z")),
                new DealLogImportedEvent("7f0c9a52-3c1e-4a8e-9a3b-5d2f0e6c1b44", "solution-sales", "crm-export.csv",
                        1200, 14, Map.of("unknown-activity", 9L, "unparsable-timestamp", 3L), 180, 1150, 36, 1,
                        Instant.parse("2025-06-02T10:00:00Z"))
        ).map(event -> arguments(named(event.getClass().getSimpleName(), event)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void serializesAsApproved(Object event) throws IOException {
        String actual = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(event);
        JsonNode approved = approvedTree(event.getClass());

        assertThat(approved.equals(AS_WRITTEN, TREE_READER.readTree(actual)))
                .as("JSON of %s differs from the approved%n%s%nIt is now%n%s%nIf the change is intended, it needs a "
                        + "new @Revision and an upcaster.", event.getClass().getSimpleName(),
                        approved.toPrettyString(), actual)
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void readsApprovedJsonBackToTheSameEvent(Object event) throws IOException {
        try (InputStream approved = approvedJson(event.getClass())) {
            assertThat(MAPPER.readValue(approved, event.getClass())).isEqualTo(event);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void carriesItsRevision(Object event) {
        assertThat(event.getClass().getAnnotation(Revision.class))
                .as("@Revision on %s", event.getClass().getSimpleName())
                .isNotNull()
                .extracting(Revision::value).isEqualTo(REVISION);
    }

    @Test
    void everyEventOfTheKernelIsApproved() {
        Set<String> kernelEvents = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.pipelens.kernel").stream()
                .filter(type -> type.getSimpleName().endsWith("Event") && !type.isInterface())
                .map(JavaClass::getName)
                .collect(Collectors.toSet());
        Set<String> approved = events()
                .map(arguments -> ((Named<?>) arguments.get()[0]).getPayload().getClass().getName())
                .collect(Collectors.toSet());

        assertThat(approved).isEqualTo(kernelEvents);
    }

    private static JsonNode approvedTree(Class<?> type) throws IOException {
        try (InputStream approved = approvedJson(type)) {
            return TREE_READER.readTree(approved);
        }
    }

    private static InputStream approvedJson(Class<?> type) {
        String path = "/approved-events/" + type.getSimpleName() + ".json";
        InputStream approved = EventJsonApprovalTest.class.getResourceAsStream(path);
        assertThat(approved).as("approved JSON %s on the test classpath", path).isNotNull();
        return approved;
    }
}
