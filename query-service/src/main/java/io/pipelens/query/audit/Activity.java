package io.pipelens.query.audit;

/**
 * Something a seller does, which a stage should not be named after.
 *
 * @param word    the activity in one English word or two, as findings name it
 * @param doing   the activity as a gerund phrase, for explanations ("sending a proposal")
 * @param aimsAt  key of the template stage the activity usually serves, suggested when the stage itself matches none
 * @param lexicon how it is written, in English and Russian
 */
record Activity(String word, String doing, String aimsAt, Lexicon lexicon) {
}
