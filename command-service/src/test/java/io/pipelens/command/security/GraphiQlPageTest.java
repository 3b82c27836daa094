package io.pipelens.command.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * GraphiQL works without internet, and without a key when keys are required: the page loads nothing from another
 * host, and the service itself serves every script and style sheet it loads, and the licence of each package.
 */
@CommandServiceWithKeys
class GraphiQlPageTest {

    /** An address with a host: {@code https://cdn.example/x.js}, {@code //cdn.example/x.js}. */
    private static final Pattern OTHER_HOST = Pattern.compile("(?i)(https?:)?//[a-z0-9]");
    private static final Pattern LOADED = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
    /** A package's directory: {@code /graphiql/assets/<package>/<version>/}. */
    private static final Pattern PACKAGE = Pattern.compile("^/graphiql/assets/[^/]+/[^/]+/");

    @Autowired
    private MockMvc mvc;

    private MockHttpServletResponse fetch(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse();
    }

    private String page() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/graphiql").param("path", "/graphql"))
                .andExpect(status().isOk()).andReturn().getResponse();
        return page.getContentAsString();
    }

    private static List<String> loadedBy(String page) {
        List<String> loaded = new ArrayList<>();
        Matcher matcher = LOADED.matcher(page);
        while (matcher.find()) {
            loaded.add(matcher.group(1));
        }
        return loaded;
    }

    @Test
    void thePageNamesNoOtherHost() throws Exception {
        String page = page();

        assertThat(page).contains("GraphiQL").doesNotContainPattern(OTHER_HOST).doesNotContain("importmap");
        assertThat(loadedBy(page)).allMatch(path -> path.startsWith("/graphiql/assets/"))
                .anyMatch(path -> path.endsWith("/graphiql.min.js"))
                .anyMatch(path -> path.endsWith("/graphiql.min.css"))
                .anyMatch(path -> path.endsWith("/react.production.min.js"))
                .anyMatch(path -> path.endsWith("/react-dom.production.min.js"));
    }

    @Test
    void everyScriptAndStyleSheetOfThePageIsServedWithoutAKey() throws Exception {
        for (String path : loadedBy(page())) {
            MockHttpServletResponse asset = fetch(path);

            assertThat(asset.getStatus()).as(path).isEqualTo(200);
            assertThat(asset.getContentType()).as(path).contains(path.endsWith(".css") ? "text/css" : "javascript");
            assertThat(asset.getContentAsByteArray()).as(path).hasSizeGreaterThan(10_000);
            if (path.endsWith(".css")) {
                // Its fonts are inlined: a style sheet can load from another host too.
                assertThat(asset.getContentAsString()).as(path).doesNotContainPattern("url\\((['\"])?(https?:)?//");
            }
        }
    }

    @Test
    void eachPackageIsServedWithItsLicence() throws Exception {
        List<String> packages = loadedBy(page()).stream()
                .map(PACKAGE::matcher).filter(Matcher::find).map(matcher -> matcher.group()).distinct().toList();

        assertThat(packages).hasSize(3);
        for (String directory : packages) {
            MockHttpServletResponse licence = fetch(directory + "LICENSE");
            assertThat(licence.getStatus()).as(directory).isEqualTo(200);
            assertThat(licence.getContentAsString()).as(directory).startsWith("MIT License");
        }
    }

    @Test
    void nothingElseUnderThePackagesFolderIsServed() throws Exception {
        // src/test/resources/META-INF/resources/_static/unlisted/1.0.0/unlisted.js: on the class path, not in the page.
        assertThat(getClass().getResource("/META-INF/resources/_static/unlisted/1.0.0/unlisted.js")).isNotNull();

        for (String path : List.of("/graphiql/assets/unlisted/1.0.0/unlisted.js",
                "/graphiql/assets/graphiql/3.2.0/../../unlisted/1.0.0/unlisted.js")) {
            MockHttpServletResponse response = fetch(path);

            // 404 for a directory not served, 400 when the firewall turns away the "..".
            assertThat(response.getStatus()).as(path).isIn(400, 404);
            assertThat(response.getContentAsString()).as(path).doesNotContain("unlisted = true");
        }
    }
}
