package io.pipelens.platform.eventstore;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What tells one event store from another: the random identity its first migration wrote
 * ({@code event_store_identity}), and how far it goes (the highest global index), with where it is, for messages.
 */
public class EventStoreIdentity {

    private final JdbcTemplate jdbc;
    private final String description;

    /**
     * @param description where the store is, without credentials, e.g. "PostgreSQL at db:5432/pipelens"
     */
    public EventStoreIdentity(JdbcTemplate jdbc, String description) {
        this.jdbc = jdbc;
        this.description = description;
    }

    public String id() {
        return jdbc.queryForObject("SELECT identity FROM event_store_identity WHERE id = 1", String.class);
    }

    /** The global index of the newest event; one below the first index the store hands out when it has none. */
    public long head() {
        Long newest = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return newest == null ? EventStoreConfiguration.LOWEST_GLOBAL_INDEX - 1 : newest;
    }

    public String description() {
        return description;
    }
}
