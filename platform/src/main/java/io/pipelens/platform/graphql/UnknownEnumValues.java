package io.pipelens.platform.graphql;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.NodeUtil;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The enum values of an operation's arguments that their enum does not have, written in the document or given in a
 * variable, each with the argument it was given for ({@code population.basis} inside an input object) and where
 * graphql-java reports it: at the argument for a literal, at the variable's definition for a variable.
 */
final class UnknownEnumValues {

    /**
     * One unknown value.
     *
     * @param field    the argument, with the input-object fields leading to the value
     * @param value    the value as given
     * @param type     the enum it is not a value of
     * @param location where graphql-java's own error about it points
     */
    record Unknown(String field, String value, GraphQLEnumType type, SourceLocation location) {
    }

    private final GraphQLSchema schema;
    private final Map<String, Object> variables;
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, VariableDefinition> variableDefinitions;
    private final Set<String> fragmentsSeen = new HashSet<>();
    private final List<Unknown> found = new ArrayList<>();

    private UnknownEnumValues(GraphQLSchema schema, Map<String, Object> variables, OperationDefinition operation,
                              Map<String, FragmentDefinition> fragments) {
        this.schema = schema;
        this.variables = variables == null ? Map.of() : variables;
        this.fragments = fragments;
        this.variableDefinitions = new HashMap<>();
        operation.getVariableDefinitions().forEach(v -> variableDefinitions.put(v.getName(), v));
    }

    /** The unknown enum values of the operation named {@code operationName} (or the only one) in the document. */
    static List<Unknown> in(GraphQLSchema schema, Document document, String operationName,
                            Map<String, Object> variables) {
        NodeUtil.GetOperationResult chosen;
        try {
            chosen = NodeUtil.getOperation(document, operationName);
        } catch (RuntimeException noSuchOperation) {
            return List.of();
        }
        OperationDefinition operation = chosen.operationDefinition;
        GraphQLObjectType root = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        UnknownEnumValues search = new UnknownEnumValues(schema, variables, operation, chosen.fragmentsByName);
        search.selections(operation.getSelectionSet(), root);
        return List.copyOf(search.found);
    }

    private void selections(SelectionSet selectionSet, GraphQLType parent) {
        if (selectionSet == null || !(parent instanceof GraphQLFieldsContainer container)) {
            return;
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof Field field) {
                GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
                if (definition != null) {
                    arguments(field.getArguments(), definition);
                    selections(field.getSelectionSet(), GraphQLTypeUtil.unwrapAll(definition.getType()));
                }
            } else if (selection instanceof InlineFragment inline) {
                selections(inline.getSelectionSet(), inline.getTypeCondition() == null ? parent
                        : schema.getType(inline.getTypeCondition().getName()));
            } else if (selection instanceof FragmentSpread spread && fragmentsSeen.add(spread.getName())) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null) {
                    selections(fragment.getSelectionSet(), schema.getType(fragment.getTypeCondition().getName()));
                }
            }
        }
    }

    private void arguments(List<Argument> arguments, GraphQLFieldDefinition field) {
        for (Argument argument : arguments) {
            GraphQLArgument definition = field.getArgument(argument.getName());
            if (definition != null) {
                literal(argument.getName(), definition.getType(), argument.getValue(), argument.getSourceLocation());
            }
        }
    }

    private void literal(String path, GraphQLInputType type, Value<?> value, SourceLocation location) {
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (value instanceof VariableReference reference) {
            VariableDefinition definition = variableDefinitions.get(reference.getName());
            if (definition != null) {
                given(path, bare, variables.get(reference.getName()), definition.getSourceLocation());
            }
        } else if (bare instanceof GraphQLList list) {
            GraphQLInputType element = (GraphQLInputType) list.getWrappedType();
            if (value instanceof ArrayValue array) {
                array.getValues().forEach(v -> literal(path, element, v, location));
            } else {
                literal(path, element, value, location);
            }
        } else if (bare instanceof GraphQLEnumType enumType && value instanceof EnumValue enumValue
                && enumType.getValue(enumValue.getName()) == null) {
            found.add(new Unknown(path, enumValue.getName(), enumType, location));
        } else if (bare instanceof GraphQLInputObjectType object && value instanceof ObjectValue fields) {
            for (ObjectField field : fields.getObjectFields()) {
                GraphQLInputObjectField definition = object.getFieldDefinition(field.getName());
                if (definition != null) {
                    literal(path + "." + field.getName(), definition.getType(), field.getValue(), location);
                }
            }
        }
    }

    private void given(String path, GraphQLType type, Object value, SourceLocation location) {
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLList list) {
            if (value instanceof List<?> values) {
                values.forEach(v -> given(path, list.getWrappedType(), v, location));
            } else {
                given(path, list.getWrappedType(), value, location);
            }
        } else if (bare instanceof GraphQLEnumType enumType && value instanceof String name
                && enumType.getValue(name) == null) {
            found.add(new Unknown(path, name, enumType, location));
        } else if (bare instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
            fields.forEach((name, fieldValue) -> {
                GraphQLInputObjectField definition = object.getFieldDefinition(String.valueOf(name));
                if (definition != null) {
                    given(path + "." + name, definition.getType(), fieldValue, location);
                }
            });
        }
    }
}
