package io.pipelens.kernel.deal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelens.kernel.StoredJson;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code confirmedCriteria} joined revision 1 of moves and wins: events stored before it existed read back as "not
 * recorded", an empty list stays distinct from an absent one, and the batch endpoint's strict reader takes it.
 */
class ConfirmedCriteriaCompatibilityTest {

    private static final ObjectMapper MAPPER = StoredJson.MAPPER;

    private static final Instant AT = Instant.parse("2025-03-10T14:30:05.250Z");

    @Test
    void movesAndWinsStoredWithoutTheFieldReadBackAsNotRecorded() throws IOException {
        assertThat(approved(DealMovedToStageEvent.class).confirmedCriteria()).isNull();
        assertThat(approved(DealWonEvent.class).confirmedCriteria()).isNull();
    }

    @Test
    void notRecordedIsWrittenWithoutTheField() throws IOException {
        String json = MAPPER.writeValueAsString(new DealWonEvent("d1", "p1", "signing", AT));

        assertThat(MAPPER.readTree(json).has("confirmedCriteria")).isFalse();
    }

    @Test
    void emptyAndGivenListsAreWrittenAndReadBackAsGiven() throws IOException {
        DealMovedToStageEvent none = new DealMovedToStageEvent("d1", "p1", "qualification", "terms", AT, List.of());
        DealWonEvent some = new DealWonEvent("d1", "p1", "signing", AT, List.of("prepayment-received",
                "documents-signed"));

        DealMovedToStageEvent noneRead = MAPPER.readValue(MAPPER.writeValueAsString(none), DealMovedToStageEvent.class);
        DealWonEvent someRead = MAPPER.readValue(MAPPER.writeValueAsString(some), DealWonEvent.class);

        assertThat(noneRead).isEqualTo(none);
        assertThat(noneRead.confirmedCriteria()).isNotNull().isEmpty();
        assertThat(someRead.confirmedCriteria()).containsExactly("prepayment-received", "documents-signed");
    }

    /** The batch endpoint reads commands strictly: every field must be a component of the command. */
    @Test
    void commandsReadConfirmedCriteriaAsTheBatchEndpointDoes() throws IOException {
        var strict = MAPPER.reader().with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

        MoveDealToStageCommand move = strict.readValue("{\"dealId\": \"d1\", \"stage\": \"terms\", "
                + "\"confirmedCriteria\": [\"budget\"]}", MoveDealToStageCommand.class);
        WinDealCommand win = strict.readValue("{\"dealId\": \"d1\", \"confirmedCriteria\": []}", WinDealCommand.class);
        WinDealCommand unrecorded = strict.readValue("{\"dealId\": \"d1\"}", WinDealCommand.class);

        assertThat(move.confirmedCriteria()).containsExactly("budget");
        assertThat(win.confirmedCriteria()).isEmpty();
        assertThat(unrecorded.confirmedCriteria()).isNull();
    }

    private static <T> T approved(Class<T> type) throws IOException {
        return StoredJson.approved(type);
    }
}
