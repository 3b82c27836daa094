package io.pipelens.launcher.badinput;

/** Where a bad request is sent. */
enum Surface {
    /** A GraphQL document posted to the command service's {@code /graphql}. */
    COMMAND_GRAPHQL,
    /** A JSON body posted to {@code POST /api/commands/batch}. */
    BATCH,
    /** A file posted to {@code POST /api/import}, with the options as query parameters. */
    IMPORT,
    /** A GraphQL document posted to the query service's {@code /graphql}. */
    QUERY_GRAPHQL
}
