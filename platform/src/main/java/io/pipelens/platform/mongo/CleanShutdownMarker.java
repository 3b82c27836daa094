package io.pipelens.platform.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the embedded read-model file was closed cleanly. A marker file beside it exists while a process has it open;
 * a clean shutdown deletes the marker after the store is closed. Finding the marker at start means the last process
 * died with the file open (SIGKILL, power loss, out of memory): its read models and tokens may disagree, so the file
 * is deleted and every projection is rebuilt from the event store, the source of truth. Only read models and
 * tokens live in that file, so nothing is lost but the time of the rebuild.
 */
public final class CleanShutdownMarker {

    private static final Logger log = LoggerFactory.getLogger(CleanShutdownMarker.class);

    private final Path store;
    private final Path marker;

    private CleanShutdownMarker(Path store) {
        this.store = store;
        this.marker = store.resolveSibling(store.getFileName() + ".open");
    }

    public static CleanShutdownMarker forStore(Path store) {
        return new CleanShutdownMarker(store);
    }

    /**
     * Deletes the store when the previous process left it open, then marks it open for this one.
     *
     * @return whether the store was discarded
     */
    public boolean discardIfUnclean() {
        try {
            boolean discard = Files.exists(marker) && Files.exists(store);
            if (discard) {
                log.warn("{} was not closed cleanly (the process holding it was killed): its read models and "
                        + "processor tokens may disagree, so it is deleted and every projection is rebuilt from the "
                        + "event store", store);
                Files.delete(store);
            }
            Files.writeString(marker, "open by pid " + ProcessHandle.current().pid() + "\n");
            return discard;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check or mark the embedded read-model store " + store, e);
        }
    }

    /** The store is closed and consistent: the next start may trust it. */
    public void closedCleanly() {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            log.warn("cannot delete {}: the next start will rebuild the read models", marker, e);
        }
    }
}
