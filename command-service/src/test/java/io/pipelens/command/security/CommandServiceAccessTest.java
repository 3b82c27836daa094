package io.pipelens.command.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may call what on the command service when it runs with API keys: every surface (GraphQL queries, deal and
 * pipeline mutations, the batch endpoint, imports, Actuator, GraphiQL) against no key, an unknown key and a key of
 * each role.
 */
@CommandServiceWithKeys
class CommandServiceAccessTest {

    private static final String READ_KEY = CommandServiceWithKeys.READ_KEY;
    private static final String WRITE_KEY = CommandServiceWithKeys.WRITE_KEY;
    private static final String ADMIN_KEY = CommandServiceWithKeys.ADMIN_KEY;

    private static final String TEMPLATE = "{\"query\": \"{ pipelineTemplate { name } }\"}";
    private static final String DEFINE = "{\"query\": \"mutation { definePipeline(input: {pipelineId: \\\"%s\\\", "
            + "name: \\\"Main\\\", useTemplate: true}) { id outcome } }\"}";
    private static final String OPEN_DEAL = "{\"query\": \"mutation { openDeal(input: {dealId: \\\"%s\\\", "
            + "pipelineId: \\\"%s\\\", stage: \\\"contact\\\"}) { id outcome } }\"}";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private JdbcTemplate jdbc;

    private ResultActions graphQl(String key, String body) throws Exception {
        return mvc.perform(withKey(post("/graphql").contentType(MediaType.APPLICATION_JSON).content(body), key));
    }

    private static MockHttpServletRequestBuilder withKey(MockHttpServletRequestBuilder request, String key) {
        return key == null ? request : request.header("Authorization", "Bearer " + key);
    }

    @Test
    void graphQlWithoutAKeyIsUnauthorizedWithAGraphQlError() throws Exception {
        graphQl(null, TEMPLATE)
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(jsonPath("$.errors[0].extensions.classification").value("UNAUTHORIZED"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("Authorization: Bearer <key>")));
    }

    @Test
    void anUnknownKeyIsUnauthorizedEvenWhereNoKeyIsNeeded() throws Exception {
        graphQl("not-a-key-of-this-service", TEMPLATE)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("The API key is not valid")));
        mvc.perform(get("/actuator/health").header("X-API-Key", "not-a-key-of-this-service"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void everyRoleMayQuery() throws Exception {
        for (String key : new String[] {READ_KEY, WRITE_KEY, ADMIN_KEY}) {
            graphQl(key, TEMPLATE)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.errors").doesNotExist())
                    .andExpect(jsonPath("$.data.pipelineTemplate.name").isNotEmpty());
        }
    }

    @Test
    void theKeyMayComeInTheApiKeyHeader() throws Exception {
        mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON).content(TEMPLATE)
                        .header("X-API-Key", READ_KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.pipelineTemplate.name").isNotEmpty());
    }

    @Test
    void aReadKeyCannotChangeDealsIsToldWhichRoleItNeedsAndNothingIsAppended() throws Exception {
        graphQl(ADMIN_KEY, DEFINE.formatted("access-read")).andExpect(jsonPath("$.errors").doesNotExist());

        graphQl(READ_KEY, OPEN_DEAL.formatted("access-read-1", "access-read"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data").value(nullValue()))
                .andExpect(jsonPath("$.errors[0].extensions.classification").value("FORBIDDEN"))
                .andExpect(jsonPath("$.errors[0].path[0]").value("openDeal"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("openDeal: needs the WRITE role; the key 'analyst' has READ"));
        assertThat(eventsOf("deal:access-read-1")).isZero();

        graphQl(WRITE_KEY, OPEN_DEAL.formatted("access-read-1", "access-read"))
                .andExpect(jsonPath("$.data.openDeal.outcome").value("APPLIED"));
        assertThat(eventsOf("deal:access-read-1")).isOne();
    }

    private long eventsOf(String stream) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, stream);
    }

    @Test
    void aWriteKeyChangesDealsButCannotDefinePipelines() throws Exception {
        graphQl(WRITE_KEY, DEFINE.formatted("access-write"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.errors[0].extensions.classification").value("FORBIDDEN"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("definePipeline: needs the ADMIN role; the key 'crm' has WRITE"));
        assertThat(eventsOf("pipeline:access-write")).isZero();
        graphQl(ADMIN_KEY, DEFINE.formatted("access-write")).andExpect(jsonPath("$.errors").doesNotExist());

        graphQl(WRITE_KEY, OPEN_DEAL.formatted("access-write-1", "access-write"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.errors").doesNotExist())
                .andExpect(jsonPath("$.data.openDeal.outcome").value("APPLIED"));
    }

    @Test
    void anAdminKeyDefinesPipelines() throws Exception {
        graphQl(ADMIN_KEY, DEFINE.formatted("access-admin"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.errors").doesNotExist())
                .andExpect(jsonPath("$.data.definePipeline.outcome").value("APPLIED"));
    }

    @Test
    void theBatchEndpointNeedsWriteAndItsPipelineItemsNeedAdmin() throws Exception {
        String batch = "{\"commands\": [{\"type\": \"definePipeline\", \"input\": {\"pipelineId\": \"access-batch\","
                + " \"name\": \"Batch\", \"useTemplate\": true}}]}";
        Supplier<MockHttpServletRequestBuilder> request = () -> post("/api/commands/batch")
                .contentType(MediaType.APPLICATION_JSON).content(batch);
        mvc.perform(request.get()).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("An API key is required")));
        mvc.perform(withKey(request.get(), READ_KEY)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail")
                        .value("POST /api/commands/batch needs the WRITE role; the key 'analyst' has READ"));
        mvc.perform(withKey(request.get(), WRITE_KEY)).andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.results[0].violations[0].field").value("type"))
                .andExpect(jsonPath("$.results[0].violations[0].reason")
                        .value("'definePipeline' needs the ADMIN role; the key 'crm' has WRITE"));
        mvc.perform(withKey(request.get(), ADMIN_KEY)).andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(1));
    }

    @Test
    void importsNeedWrite() throws Exception {
        Supplier<MockHttpServletRequestBuilder> request = () -> post("/api/import")
                .param("pipelineId", "access-none").contentType("text/csv").content("deal_id,timestamp,stage\n");
        mvc.perform(request.get()).andExpect(status().isUnauthorized());
        mvc.perform(withKey(request.get(), READ_KEY)).andExpect(status().isForbidden());
        // Past security: the import itself refuses the unknown pipeline.
        mvc.perform(withKey(request.get(), WRITE_KEY)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value(not("Forbidden")));
    }

    @Test
    void graphiqlNeedsNoKey() throws Exception {
        mvc.perform(get("/graphiql")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/graphiql").param("path", "/graphql")).andExpect(status().isOk())
                .andExpect(content().string(containsString("GraphiQL")));
    }

    @Test
    void healthAndPrometheusNeedNoKeyButHealthDetailsAndOtherEndpointsNeedAdmin() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$", not(hasKey("components"))));
        mvc.perform(withKey(get("/actuator/health"), ADMIN_KEY)).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"));
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));

        mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
        mvc.perform(withKey(get("/actuator/info"), WRITE_KEY)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("needs the ADMIN role")));
        mvc.perform(withKey(get("/actuator/info"), ADMIN_KEY)).andExpect(status().isOk());
        mvc.perform(withKey(get("/actuator"), ADMIN_KEY)).andExpect(status().isOk());
        mvc.perform(get("/actuator")).andExpect(status().isUnauthorized());
    }
}
