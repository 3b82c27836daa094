package io.pipelens.platform;

import com.mongodb.ConnectionString;
import io.pipelens.platform.config.StoreProperties;
import org.springframework.core.env.Environment;

/**
 * Says which stores a service uses, for the start-up banner and for errors about them: where they are, never
 * credentials (URL parameters and user information are left out).
 */
public final class StoreDescriptions {

    private static final String H2 = "jdbc:h2:";
    private static final String POSTGRESQL = "jdbc:postgresql:";

    private StoreDescriptions() {
    }

    /** The event store of {@code spring.datasource.url}: "H2 file at ./data/events", "PostgreSQL at host:5432/db". */
    public static String eventStore(Environment environment) {
        return eventStore(environment.getProperty("spring.datasource.url", ""));
    }

    /** The event store a JDBC URL names. */
    public static String eventStore(String jdbcUrl) {
        if (jdbcUrl.startsWith(H2)) {
            String database = withoutParameters(jdbcUrl.substring(H2.length()));
            if (database.startsWith("mem:")) {
                return "H2 in memory (" + database.substring("mem:".length()) + ")";
            }
            if (database.startsWith("tcp:") || database.startsWith("ssl:")) {
                return "H2 server at " + withoutUser(database.substring("tcp:".length()));
            }
            return "H2 file at " + (database.startsWith("file:") ? database.substring("file:".length()) : database);
        }
        if (jdbcUrl.startsWith(POSTGRESQL)) {
            return "PostgreSQL at " + withoutUser(withoutParameters(jdbcUrl.substring(POSTGRESQL.length())));
        }
        return withoutUser(withoutParameters(jdbcUrl));
    }

    /**
     * The read models' MongoDB: "MongoDB at host:27017/pipelens" when a URI or host is configured, otherwise the
     * embedded server, "embedded MongoDB under ./data" (or "in memory").
     */
    public static String readModels(Environment environment) {
        String uri = environment.getProperty("spring.data.mongodb.uri", "");
        if (!uri.isEmpty()) {
            ConnectionString connection = new ConnectionString(uri);
            return "MongoDB at " + String.join(",", connection.getHosts()) + "/"
                    + (connection.getDatabase() == null ? "" : connection.getDatabase());
        }
        String host = environment.getProperty("spring.data.mongodb.host", "");
        if (!host.isEmpty()) {
            return "MongoDB at " + host + ":" + environment.getProperty("spring.data.mongodb.port", "27017") + "/"
                    + environment.getProperty("spring.data.mongodb.database", "");
        }
        StoreProperties stores = StoreProperties.of(environment);
        if (!stores.mongo().embedded().persistent()) {
            return "embedded MongoDB in memory";
        }
        return "embedded MongoDB under " + stores.dataDir();
    }

    private static String withoutParameters(String url) {
        int end = url.length();
        for (char separator : new char[] {'?', ';'}) {
            int at = url.indexOf(separator);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return url.substring(0, end);
    }

    /** "//user@host:5432/db" as "host:5432/db". */
    private static String withoutUser(String url) {
        String address = url.startsWith("//") ? url.substring(2) : url;
        return address.substring(address.indexOf('@') + 1);
    }
}
