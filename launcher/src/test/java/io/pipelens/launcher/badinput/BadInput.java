package io.pipelens.launcher.badinput;

/**
 * One bad request and the error it must get: the field (or argument, column, option) the error names, and a phrase
 * of the reason that tells this mistake apart from any other. A generic "bad request" matches no phrase.
 *
 * @param name        what is wrong, as a reader would say it
 * @param surface     where the request goes
 * @param request     the GraphQL document, the batch body, or the file
 * @param parameters  the import's query string (import only), or null
 * @param field       the field the error must name
 * @param phrase      a phrase the reason must contain
 */
record BadInput(String name, Surface surface, String request, String parameters, String field, String phrase) {

    BadInput {
        if (field.isBlank() || phrase.isBlank()) {
            throw new IllegalArgumentException("case '" + name + "' must expect a field and a phrase of the reason");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
