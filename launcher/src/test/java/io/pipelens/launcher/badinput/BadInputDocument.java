package io.pipelens.launcher.badinput;

import java.util.List;
import java.util.Map;

/** Renders the catalogue with the answers the services gave as the Markdown of {@code docs/bad-input.md}. */
final class BadInputDocument {

    /** Longer answers keep their start and their end, where graphql-java puts the reason. */
    private static final int MAX_REASON = 240;

    private BadInputDocument() {
    }

    static String render(List<BadInput> cases, Map<String, String> observed) {
        StringBuilder md = new StringBuilder("""
                # Bad input: what each mistake gets

                Every request below is refused with an error that names the field (argument, column or option) and
                the reason, and appends nothing: the event store's row count and every read model are the same
                before and after. `BadInputCatalogueTest` (launcher) sends each one over HTTP to both services and
                keeps this table in step with their answers: it fails when they differ, and
                `-Dpipelens.bad-input.write=true` rewrites the table.

                GraphQL errors carry `extensions.violations` (`{field, reason}`); documents that graphql-java itself
                refuses (syntax, unknown fields, wrong types) name the field in the message. The batch endpoint
                answers per item (`REJECTED` with `violations`) or, for the request as a whole, HTTP 400 with
                `violations`; the import answers HTTP 400 with `problems` (`{row, column, reason}`).

                | # | surface | case | field | answer |
                |---|---|---|---|---|
                """);
        for (int i = 0; i < cases.size(); i++) {
            BadInput bad = cases.get(i);
            String answer = observed.getOrDefault(bad.name(), "");
            if (answer.length() > MAX_REASON) {
                answer = answer.substring(0, MAX_REASON / 3) + " … " + answer.substring(answer.length()
                        - MAX_REASON * 2 / 3);
            }
            md.append("| ").append(i + 1).append(" | ").append(surface(bad.surface())).append(" | ")
                    .append(cell(bad.name())).append(" | `").append(cell(bad.field())).append("` | ")
                    .append(cell(answer)).append(" |\n");
        }
        return md.toString();
    }

    private static String surface(Surface surface) {
        return switch (surface) {
            case COMMAND_GRAPHQL -> "mutation";
            case BATCH -> "batch";
            case IMPORT -> "import";
            case QUERY_GRAPHQL -> "query";
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
