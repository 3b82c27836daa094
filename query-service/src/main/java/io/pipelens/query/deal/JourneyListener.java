package io.pipelens.query.deal;

import java.util.Collection;

/**
 * What follows the stored journeys: told of every batch written and of each step of a replay, so that what it
 * derives from the journeys switches in with them. The journeys do not know who derives from them, so features built
 * on the journeys depend on this package and not the other way round.
 */
public interface JourneyListener {

    /** Journeys the projection has just written: into staging while a replay runs, else live. */
    void journeysChanged(Collection<DealJourney> journeys);

    /** A replay of the journeys starts writing into staging; the live state keeps answering. */
    void startStaging();

    /** The replay has caught up: staging replaces the live state. */
    void promoteStaging();

    /** The replay was cancelled: staging goes, the live state carries on. */
    void discardStaging();
}
