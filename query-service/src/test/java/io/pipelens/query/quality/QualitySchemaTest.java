package io.pipelens.query.quality;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Description;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Analysts read the report's schema in GraphiQL: every type, field and argument says what it is. */
class QualitySchemaTest {

    @Test
    void everyTypeFieldAndArgumentHasADescription() throws IOException {
        Document schema;
        try (InputStream in = getClass().getResourceAsStream("/graphql/query/quality.graphqls")) {
            schema = Parser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<ObjectTypeDefinition> types = schema.getDefinitionsOfType(ObjectTypeDefinition.class);
        List<String> undescribed = new ArrayList<>();
        for (ObjectTypeDefinition type : types) {
            boolean extension = type.getClass() != ObjectTypeDefinition.class;
            if (!extension) {
                check(type.getName(), type.getDescription(), undescribed);
            }
            for (FieldDefinition field : type.getFieldDefinitions()) {
                check(type.getName() + "." + field.getName(), field.getDescription(), undescribed);
                for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                    check(type.getName() + "." + field.getName() + "(" + argument.getName() + ")",
                            argument.getDescription(), undescribed);
                }
            }
        }

        assertThat(types).hasSizeGreaterThanOrEqualTo(6);
        assertThat(undescribed).isEmpty();
    }

    private static void check(String name, Description description, List<String> undescribed) {
        if (description == null || description.getContent().isBlank()) {
            undescribed.add(name);
        }
    }
}
