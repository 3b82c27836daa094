package io.pipelens.query.analytics.criteria;

/**
 * One checklist item's table: deals whose recorded exits from the stage missed the item, against deals whose every
 * recorded exit from it confirmed the item.
 *
 * @param text the item's text in the analysed version
 */
public record ItemCriteriaImpact(String key, String text, CriteriaTable impact) {
}
