package io.pipelens.command.importing;

/**
 * The most one import may hold, so that a wrong or hostile file is refused early rather than exhausting memory.
 *
 * @param maxBytes the largest file, in bytes
 * @param maxRows  the most data rows
 */
record ImportLimits(long maxBytes, int maxRows) {
}
