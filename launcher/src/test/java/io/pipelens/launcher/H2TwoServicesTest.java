package io.pipelens.launcher;

import java.util.List;

/** The two-service contract on the embedded default: an H2 file event store and the embedded MongoDB. */
class H2TwoServicesTest extends TwoServicesContract {

    @Override
    List<String> storeArguments() {
        return List.of();
    }
}
