package io.pipelens.command.importing;

import java.util.Collection;
import java.util.Set;

/**
 * Which deals the event store already holds. An import checks only those against the store before it records them:
 * a brand-new deal's history has been checked in full while the file was validated (stages, order, attributes,
 * times), by the rules the Deal aggregate applies, so checking it again would only double the work.
 */
@FunctionalInterface
public interface RecordedDeals {

    /** The ids among {@code dealIds} that have at least one event in the store. */
    Set<String> amongst(Collection<String> dealIds);
}
