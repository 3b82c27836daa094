package io.pipelens.query.audit;

/**
 * One thing the audit found wrong, with why it matters and what to do.
 *
 * @param rule     the check that found it
 * @param stage    key of the stage it concerns, or null when it concerns the whole pipeline
 * @param position that stage's position, from 1, or null
 * @param word     for an activity stage, the words that name the activity as found; otherwise null
 * @param message  what was found, in one sentence
 * @param why      why it matters
 * @param advice   what to do about it
 */
public record Finding(AuditRule rule, String stage, Integer position, String word, String message, String why,
                      String advice) {
}
