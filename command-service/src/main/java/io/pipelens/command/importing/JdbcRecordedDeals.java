package io.pipelens.command.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelens.kernel.AggregateIds;
import io.pipelens.platform.eventstore.EventStoreConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Asks the event table which deal streams exist, {@value #CHUNK} ids per query through the index on the aggregate
 * identifier: a 100,000-deal file costs 200 short queries rather than one stream read per deal. A deal's pipeline is
 * read from the first event of its stream, which opens the deal (a deal's history starts with its opening); the
 * payload is Jackson's JSON of that event.
 */
@Component
class JdbcRecordedDeals implements RecordedDeals {

    static final int CHUNK = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final String sql;

    public JdbcRecordedDeals(DataSource dataSource, ObjectMapper json) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.json = json;
        EventSchema schema = EventStoreConfiguration.eventSchema();
        this.sql = "select " + schema.aggregateIdentifierColumn() + ", " + schema.payloadColumn() + " from "
                + schema.domainEventTable() + " where " + schema.aggregateIdentifierColumn() + " in (:ids) and "
                + schema.sequenceNumberColumn() + " = 0";
    }

    @Override
    public Map<String, String> pipelinesOf(Collection<String> dealIds) {
        Map<String, String> byStream = dealIds.stream().distinct()
                .collect(Collectors.toMap(AggregateIds::deal, id -> id));
        List<String> streams = new ArrayList<>(byStream.keySet());
        Map<String, String> found = new HashMap<>();
        for (int from = 0; from < streams.size(); from += CHUNK) {
            List<String> chunk = streams.subList(from, Math.min(streams.size(), from + CHUNK));
            jdbc.query(sql, Map.of("ids", chunk), row -> {
                found.put(byStream.get(row.getString(1)), pipelineOf(row.getBytes(2)));
            });
        }
        return found;
    }

    private String pipelineOf(byte[] openedPayload) {
        try {
            return json.readTree(openedPayload).path("pipelineId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("The first event of a deal stream is not JSON", e);
        }
    }
}
