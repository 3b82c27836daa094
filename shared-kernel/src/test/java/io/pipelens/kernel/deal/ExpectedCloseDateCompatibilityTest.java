package io.pipelens.kernel.deal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelens.kernel.StoredJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * {@code expectedCloseDate} joined the attributes of revision 1 of openings and attribute changes: events stored
 * before it existed read back without it, attributes without it are written as before, and a given date travels as
 * an ISO calendar date.
 */
class ExpectedCloseDateCompatibilityTest {

    private static final ObjectMapper MAPPER = StoredJson.MAPPER;

    private static final Instant AT = Instant.parse("2025-03-10T14:30:05.250Z");

    @Test
    void openingsAndChangesStoredWithoutTheFieldReadBackWithoutADate() throws IOException {
        assertThat(approved(DealOpenedEvent.class).attributes().expectedCloseDate()).isNull();
        assertThat(approved(DealAttributesChangedEvent.class).attributes().expectedCloseDate()).isNull();
    }

    @Test
    void attributesWithoutADateAreWrittenWithoutTheField() throws IOException {
        String json = MAPPER.writeValueAsString(new DealOpenedEvent("d1", "p1", "qualification",
                new DealAttributes("alice", null, null, new BigDecimal("10.00"), "EUR"), AT));

        assertThat(MAPPER.readTree(json).get("attributes").has("expectedCloseDate")).isFalse();
    }

    @Test
    void aGivenDateIsWrittenAsAnIsoDateAndReadBack() throws IOException {
        DealAttributesChangedEvent changed = new DealAttributesChangedEvent("d1", "p1",
                new DealAttributes("alice", null, null, null, null, LocalDate.parse("2025-06-30")), AT);

        String json = MAPPER.writeValueAsString(changed);

        assertThat(MAPPER.readTree(json).get("attributes").get("expectedCloseDate").asText()).isEqualTo("2025-06-30");
        assertThat(MAPPER.readValue(json, DealAttributesChangedEvent.class)).isEqualTo(changed);
    }

    /** The batch endpoint reads commands strictly: every field must be a component of the command. */
    @Test
    void commandsReadTheDateAsTheBatchEndpointDoes() throws IOException {
        var strict = MAPPER.reader().with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

        OpenDealCommand open = strict.readValue("{\"dealId\": \"d1\", \"pipelineId\": \"p1\", \"stage\": \"contact\", "
                + "\"attributes\": {\"expectedCloseDate\": \"2025-07-01\"}}", OpenDealCommand.class);
        ChangeDealAttributesCommand change = strict.readValue("{\"dealId\": \"d1\", \"attributes\": {\"owner\": "
                + "\"bob\"}}", ChangeDealAttributesCommand.class);

        assertThat(open.attributes().expectedCloseDate()).isEqualTo(LocalDate.parse("2025-07-01"));
        assertThat(change.attributes().expectedCloseDate()).isNull();
    }

    private static <T> T approved(Class<T> type) throws IOException {
        return StoredJson.approved(type);
    }
}
