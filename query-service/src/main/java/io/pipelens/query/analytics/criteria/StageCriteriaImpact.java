package io.pipelens.query.analytics.criteria;

import java.util.List;

/**
 * Whether leaving one stage with its checklist incomplete goes with losing (DESIGN §9.1), over the closed deals with a
 * recorded forward exit from it.
 *
 * @param checklist the table of the whole checklist: unconfirmed when a recorded exit lacked any item
 * @param items     the same table per item: unconfirmed when a recorded exit lacked that item
 */
public record StageCriteriaImpact(int position, String key, CriteriaTable checklist,
                                  List<ItemCriteriaImpact> items) {
}
