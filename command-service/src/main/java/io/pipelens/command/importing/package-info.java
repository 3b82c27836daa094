/**
 * Importing event logs (CSV, NDJSON, XES, each optionally gzipped) as deal histories. The entry point is
 * {@link io.pipelens.command.importing.DealImporter}, with the records of its API: what to read
 * ({@link io.pipelens.command.importing.ImportOptions}, {@link io.pipelens.command.importing.ImportMapping}), how it
 * goes ({@link io.pipelens.command.importing.ImportProgress}) and what it did
 * ({@link io.pipelens.command.importing.ImportSummary}, {@link io.pipelens.command.importing.ImportProblem},
 * {@link io.pipelens.command.importing.ImportRejectedException}). Everything else is package-private: the HTTP
 * endpoint {@code POST /api/import}, the readers, the interpretation of rows, the checks against the event store and
 * the record of each import. {@link io.pipelens.command.importing.ImportCli} is public only to be run: it is an HTTP
 * client of a running service. {@code ImportingBoundaryTest} holds the package to this.
 */
package io.pipelens.command.importing;
