package io.pipelens.command.importing;

import java.util.Collection;
import java.util.Map;

/**
 * Which deals the event store already holds, and in which pipeline. An import checks only those against the store
 * before it records them: a brand-new deal's history has been checked in full while the file was validated (stages,
 * order, attributes, times), by the rules the Deal aggregate applies, so checking it again would only double the work.
 * A deal held in another pipeline is refused without a check: deal ids are global, and the file's rows would otherwise
 * be taken as continuing a deal of that other pipeline.
 */
@FunctionalInterface
interface RecordedDeals {

    /** The ids among {@code dealIds} that have at least one event in the store, each with its pipeline. */
    Map<String, String> pipelinesOf(Collection<String> dealIds);
}
