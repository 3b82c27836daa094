package io.pipelens.launcher.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code pipelens.*} properties of every {@code META-INF/spring-configuration-metadata.json} on the class path:
 * what the configuration processor generated from the modules' {@code @ConfigurationProperties} records.
 */
record ConfigurationMetadata(Map<String, Property> properties) {

    /** One property: its Java type and its default as the metadata gives it (null when it has none). */
    record Property(String name, String type, String defaultValue, String description) {

        /** Whether the property is a list or map, whose entries are configured below its name. */
        boolean isCollection() {
            return type.startsWith("java.util.List") || type.startsWith("java.util.Map");
        }

        /** The name as an environment variable, Spring's relaxed form: PIPELENS_EVENT_STORE_FETCH_DELAY. */
        String environmentVariable() {
            return name.replace("-", "").replace('.', '_').toUpperCase();
        }
    }

    static ConfigurationMetadata onClassPath() {
        Map<String, Property> properties = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (URL file : Collections.list(ConfigurationMetadata.class.getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = file.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        String name = property.path("name").asText();
                        if (name.startsWith("pipelens.")) {
                            JsonNode defaultValue = property.get("defaultValue");
                            properties.put(name, new Property(name, property.path("type").asText(),
                                    defaultValue == null ? null : defaultValue.asText(),
                                    property.path("description").asText(null)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ConfigurationMetadata(properties);
    }

    /**
     * Whether {@code key} is a declared property, or an entry of one: {@code pipelens.security.keys[0].name} is an
     * entry of the list {@code pipelens.security.keys}.
     */
    boolean declares(String key) {
        String name = key.replaceAll("\\[.*$", "");
        Property property = properties.get(name);
        return property != null && (name.equals(key) || property.isCollection());
    }

    /** Whether an environment variable such as PIPELENS_SECURITY_KEYS_0_NAME sets a declared property. */
    boolean declaresEnvironmentVariable(String variable) {
        return properties.values().stream().anyMatch(property -> variable.equals(property.environmentVariable())
                || property.isCollection() && variable.startsWith(property.environmentVariable() + "_"));
    }
}
