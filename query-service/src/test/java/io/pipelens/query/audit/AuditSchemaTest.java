package io.pipelens.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Analysts read the audit's schema in GraphiQL: every type, field, argument and enum value says what it is. */
class AuditSchemaTest {

    @Test
    void everyTypeFieldArgumentAndValueHasADescription() throws IOException {
        Document schema = parse("/graphql/query/audit.graphqls");
        List<String> undescribed = new ArrayList<>();
        for (Definition<?> definition : schema.getDefinitions()) {
            if (definition instanceof ObjectTypeDefinition type) {
                boolean extension = type.getClass() != ObjectTypeDefinition.class;
                if (!extension && type.getDescription() == null) {
                    undescribed.add(type.getName());
                }
                for (FieldDefinition field : type.getFieldDefinitions()) {
                    check(type.getName() + "." + field.getName(), field.getDescription(), undescribed);
                    for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                        check(type.getName() + "." + field.getName() + "(" + argument.getName() + ")",
                                argument.getDescription(), undescribed);
                    }
                }
            } else if (definition instanceof InputObjectTypeDefinition input) {
                check(input.getName(), input.getDescription(), undescribed);
                input.getInputValueDefinitions().forEach(value ->
                        check(input.getName() + "." + value.getName(), value.getDescription(), undescribed));
            } else if (definition instanceof EnumTypeDefinition type) {
                check(type.getName(), type.getDescription(), undescribed);
                type.getEnumValueDefinitions().forEach(value ->
                        check(type.getName() + "." + value.getName(), value.getDescription(), undescribed));
            }
        }

        assertThat(schema.getDefinitions()).hasSizeGreaterThan(10);
        assertThat(undescribed).isEmpty();
    }

    private static void check(String name, graphql.language.Description description, List<String> undescribed) {
        if (description == null || description.getContent().isBlank()) {
            undescribed.add(name);
        }
    }

    private static Document parse(String resource) throws IOException {
        try (InputStream in = AuditSchemaTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return Parser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
