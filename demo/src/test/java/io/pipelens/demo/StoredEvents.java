package io.pipelens.demo;

import org.springframework.jdbc.core.JdbcTemplate;

/** Counts of events in the command service's event table, for tests that check what was appended. */
final class StoredEvents {

    private StoredEvents() {
    }

    /** Events on the streams whose id starts with {@code streamPrefix}, e.g. {@code deal:} or {@code import:}. */
    static long count(JdbcTemplate jdbc, String streamPrefix) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier like ?",
                Long.class, streamPrefix + "%");
    }
}
