package io.pipelens.query.audit;

import java.util.List;

/**
 * The template stage a stage reads like.
 *
 * @param key      template stage key ({@code qualification})
 * @param name     template stage name
 * @param position its position in the template, from 1
 * @param evidence the words that tell: one term, or for qualification by BANT one per question found
 */
public record TemplateMatch(String key, String name, int position, List<Evidence> evidence) {

    public TemplateMatch {
        evidence = List.copyOf(evidence);
    }
}
