// A file another jar could put beside the packages GraphiQL loads: it must not be served under /graphiql/assets/.
unlisted = true;
