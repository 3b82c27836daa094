package io.pipelens.command.importing;

import io.pipelens.kernel.AggregateIds;
import io.pipelens.platform.eventstore.EventStoreConfiguration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Asks the event table which deal streams exist, {@value #CHUNK} ids per query through the index on the aggregate
 * identifier: a 100,000-deal file costs 200 short queries rather than one stream read per deal.
 */
@Component
public class JdbcRecordedDeals implements RecordedDeals {

    static final int CHUNK = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final String sql;

    public JdbcRecordedDeals(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        EventSchema schema = EventStoreConfiguration.eventSchema();
        this.sql = "select distinct " + schema.aggregateIdentifierColumn() + " from " + schema.domainEventTable()
                + " where " + schema.aggregateIdentifierColumn() + " in (:ids)";
    }

    @Override
    public Set<String> amongst(Collection<String> dealIds) {
        Map<String, String> byStream = dealIds.stream().distinct()
                .collect(Collectors.toMap(AggregateIds::deal, id -> id));
        List<String> streams = new ArrayList<>(byStream.keySet());
        Set<String> found = new HashSet<>();
        for (int from = 0; from < streams.size(); from += CHUNK) {
            List<String> chunk = streams.subList(from, Math.min(streams.size(), from + CHUNK));
            jdbc.queryForList(sql, Map.of("ids", chunk), String.class).forEach(stream -> found.add(byStream.get(stream)));
        }
        return found;
    }
}
