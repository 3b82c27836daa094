package io.pipelens.command.security;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The default request limits: on GraphQL (pipelens-defaults.properties) depth 15, complexity 1000 with 50 per
 * top-level field, bodies up to 256 KiB; batch bodies up to 4 MiB (command-service.properties). Each limit is probed on
 * both sides of its boundary, and GraphiQL's own introspection query must fit.
 */
@CommandServiceWithKeys
class RequestLimitsTest {

    private static final int MAX_REQUEST_BYTES = 256 * 1024;

    @Autowired
    private MockMvc mvc;
    @Autowired
    private ObjectMapper json;

    private ResultActions query(String query) throws Exception {
        return post(json.writeValueAsString(Map.of("query", query)));
    }

    private ResultActions post(String body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + CommandServiceWithKeys.READ_KEY).content(body));
    }

    /** {@code { __schema { types { fields { type { ofType { ... name } } } } } }}, {@code depth} fields deep. */
    private static String introspectionOfDepth(int depth) {
        StringBuilder query = new StringBuilder("{ __schema { types { fields { type { ");
        int ofTypes = depth - 5;
        query.append("ofType { ".repeat(ofTypes)).append("name").append(" }".repeat(ofTypes));
        return query.append(" } } } } }").toString();
    }

    /** {@code count} aliases of {@code pipelineTemplate { name }}: each costs 1 + 1 + 50. */
    private static String templates(int count) {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            query.append(" t").append(i).append(": pipelineTemplate { name }");
        }
        return query.append(" }").toString();
    }

    @Test
    void graphiqlsIntrospectionQueryFitsTheDefaults() throws Exception {
        String introspection = new ClassPathResource("graphql-test/introspection.graphql")
                .getContentAsString(StandardCharsets.UTF_8);
        query(introspection)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.errors").doesNotExist())
                .andExpect(jsonPath("$.data.__schema.queryType.name").value("Query"));
    }

    @Test
    void anOperationDeeperThanTheLimitIsRefusedUnrun() throws Exception {
        query(introspectionOfDepth(15)).andExpect(jsonPath("$.errors").doesNotExist())
                .andExpect(jsonPath("$.data.__schema.types").isArray());
        query(introspectionOfDepth(16))
                .andExpect(jsonPath("$.data").doesNotExist())
                .andExpect(jsonPath("$.errors[0].message")
                        .value("The operation is 16 fields deep; at most 15 are allowed. Ask for fewer nested fields."));
    }

    @Test
    void anOperationMoreComplexThanTheLimitIsRefusedUnrun() throws Exception {
        query(templates(19)).andExpect(jsonPath("$.errors").doesNotExist())
                .andExpect(jsonPath("$.data.t18.name").isNotEmpty());
        query(templates(20))
                .andExpect(jsonPath("$.data").doesNotExist())
                .andExpect(jsonPath("$.errors[0].message").value(containsString(
                        "The operation's complexity is 1040; at most 1000 is allowed")));
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedWith413() throws Exception {
        String template = "{\"query\": \"{ pipelineTemplate { name } }\", \"variables\": {\"pad\": \"%s\"}}";
        int padding = MAX_REQUEST_BYTES - template.length() + 2;
        post(template.formatted("x".repeat(padding)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.pipelineTemplate.name").isNotEmpty());
        post(template.formatted("x".repeat(padding + 1)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.errors[0].message").value("The request body is " + (MAX_REQUEST_BYTES + 1)
                        + " bytes; at most " + MAX_REQUEST_BYTES + " bytes are accepted"));
    }

    @Test
    void aBatchBodyLargerThanItsLimitIsRefusedWith413() throws Exception {
        int max = 4 * 1024 * 1024;
        String batch = "{\"commands\": []}";
        String fits = batch + " ".repeat(max - batch.length());
        mvc.perform(MockMvcRequestBuilders.post("/api/commands/batch").contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", "Bearer " + CommandServiceWithKeys.WRITE_KEY).content(fits))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(0));
        mvc.perform(MockMvcRequestBuilders.post("/api/commands/batch").contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", "Bearer " + CommandServiceWithKeys.WRITE_KEY).content(fits + " "))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.status").value(413))
                .andExpect(jsonPath("$.detail").value("The request body is " + (max + 1) + " bytes; at most " + max
                        + " bytes are accepted"));
    }
}
