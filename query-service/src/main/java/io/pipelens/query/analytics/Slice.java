package io.pipelens.query.analytics;

/**
 * Filters on a deal's current attributes; a null filter lets every value through, a given one must equal the deal's
 * value exactly (a deal without the attribute never matches a given filter).
 */
public record Slice(String owner, String source, String segment) {

    public static final Slice ALL = new Slice(null, null, null);

    boolean includes(VersionedJourney deal) {
        return (owner == null || owner.equals(deal.owner()))
                && (source == null || source.equals(deal.source()))
                && (segment == null || segment.equals(deal.segment()));
    }
}
