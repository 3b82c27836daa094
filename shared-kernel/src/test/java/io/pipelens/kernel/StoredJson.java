package io.pipelens.kernel;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;

/** Events as the services store them, for tests of fields that joined an event's revision 1 after it was stored. */
public final class StoredJson {

    /** Configured as Spring Boot configures its ObjectMapper, which Axon's Jackson serializer uses. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StoredJson() {
    }

    /** The approved JSON of {@code type} ({@code approved-events/<name>.json}), as stored before a field joined it. */
    public static <T> T approved(Class<T> type) throws IOException {
        try (InputStream json = StoredJson.class.getResourceAsStream(
                "/approved-events/" + type.getSimpleName() + ".json")) {
            return MAPPER.readValue(json, type);
        }
    }
}
