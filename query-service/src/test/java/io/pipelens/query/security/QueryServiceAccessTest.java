package io.pipelens.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.query.QueryServiceApplication;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * The query service over real HTTP with API keys required and introspection switched off: queries need a key (READ or
 * higher), Actuator health and metrics need none, the schema cannot be introspected, and a body sent without a
 * Content-Length (chunked) is still held to the size limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + QueryServiceApplication.CONFIG_NAME,
        "pipelens.data-dir=target/query-service-access-test",
        "pipelens.mongo.embedded.persistent=false",
        "spring.datasource.url=jdbc:h2:mem:query-service-access-test;DB_CLOSE_DELAY=-1",
        "spring.graphql.schema.introspection.enabled=false",
        "pipelens.security.keys[0].name=analyst",
        "pipelens.security.keys[0].role=READ",
        "pipelens.security.keys[0].key=" + QueryServiceAccessTest.READ_KEY,
        "pipelens.security.keys[1].name=crm",
        "pipelens.security.keys[1].role=WRITE",
        "pipelens.security.keys[1].key=" + QueryServiceAccessTest.WRITE_KEY,
        "pipelens.security.keys[2].name=ops",
        "pipelens.security.keys[2].role=ADMIN",
        "pipelens.security.keys[2].key=" + QueryServiceAccessTest.ADMIN_KEY})
@AutoConfigureObservability
class QueryServiceAccessTest {

    static final String READ_KEY = "read-key-0123456789abcdef";
    static final String WRITE_KEY = "write-key-0123456789abcdef";
    static final String ADMIN_KEY = "admin-key-0123456789abcdef";
    private static final String PIPELINES = "{\"query\": \"{ pipelines { id } }\"}";

    @Autowired
    private WebTestClient web;

    private WebTestClient.ResponseSpec graphQl(String body, Consumer<HttpHeaders> headers) {
        return web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).headers(headers)
                .bodyValue(body).exchange();
    }

    private static Consumer<HttpHeaders> key(String key) {
        return headers -> headers.setBearerAuth(key);
    }

    @Test
    void queriesNeedAKey() {
        graphQl(PIPELINES, headers -> { })
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHORIZED")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
                        .startsWith("An API key is required"));
    }

    @Test
    void readAndWriteKeysMayQuery() {
        for (String key : new String[] {READ_KEY, WRITE_KEY}) {
            graphQl(PIPELINES, key(key))
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.errors").doesNotExist()
                    .jsonPath("$.data.pipelines").isArray();
        }
    }

    @Test
    void replaysAndTheirStatusNeedAdmin() {
        String replay = "{\"query\": \"mutation { replayProjection(name: \\\"no-such\\\") { name } }\"}";
        String status = "{\"query\": \"{ projections { name } }\"}";
        // A READ key meets the least role of any mutation (WRITE) first; past it, both need ADMIN.
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put(READ_KEY + " " + replay, "replayProjection: needs the WRITE role");
        refusals.put(READ_KEY + " " + status, "projections: needs the ADMIN role");
        refusals.put(WRITE_KEY + " " + replay, "replayProjection: needs the ADMIN role");
        refusals.put(WRITE_KEY + " " + status, "projections: needs the ADMIN role");
        refusals.forEach((keyAndBody, expected) -> {
            int space = keyAndBody.indexOf(' ');
            graphQl(keyAndBody.substring(space + 1), key(keyAndBody.substring(0, space)))
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.errors[0].extensions.classification").isEqualTo("FORBIDDEN")
                    .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
                            .startsWith(expected));
        });
        graphQl(status, key(ADMIN_KEY))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.errors").doesNotExist()
                .jsonPath("$.data.projections[?(@.name == 'deal-journey')]").exists();
        graphQl(replay, key(ADMIN_KEY))
                .expectBody()
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
                        .contains("no-such"));
    }

    @Test
    void introspectionCanBeSwitchedOff() {
        graphQl("{\"query\": \"{ __schema { queryType { name } } }\"}", key(READ_KEY))
                .expectBody()
                .jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
                        .containsIgnoringCase("introspection"));
        graphQl("{\"query\": \"{ __typename }\"}", key(READ_KEY))
                .expectBody().jsonPath("$.data.__typename").isEqualTo("Query");
    }

    @Test
    void aChunkedBodyLargerThanTheLimitIsRefusedWith413() {
        Flux<DataBuffer> chunks = Flux.range(0, 65).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap(" ".repeat(4096).getBytes(StandardCharsets.UTF_8)));
        web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).headers(key(READ_KEY))
                .body(chunks, DataBuffer.class).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody()
                .jsonPath("$.errors[0].message").isEqualTo("The request body is more than 262144 bytes; at most "
                        + "262144 bytes are accepted");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsPassedOn() {
        Flux<DataBuffer> chunks = Flux.just("{\"query\": ", "\"{ pipelines { id } }\"", "}")
                .map(part -> DefaultDataBufferFactory.sharedInstance.wrap(part.getBytes(StandardCharsets.UTF_8)));
        web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).headers(key(READ_KEY))
                .body(chunks, DataBuffer.class).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.pipelines").isArray();
    }

    @Test
    void healthAndPrometheusNeedNoKeyOtherActuatorEndpointsNeedAdmin() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
        web.get().uri("/actuator/info").headers(key(WRITE_KEY)).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail")
                .isEqualTo("GET /actuator/info needs the ADMIN role; the key 'crm' has WRITE");
    }
}
