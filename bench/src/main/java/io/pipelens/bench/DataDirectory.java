package io.pipelens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/**
 * A fresh data directory for one run, deleted when the run ends unless {@link #keep kept}. A run at 1M events leaves
 * gigabytes of H2 files; runs that kept them filled the disk.
 */
final class DataDirectory implements AutoCloseable {

    private final Path path;
    private boolean kept;

    private DataDirectory(Path path) {
        this.path = path;
    }

    static DataDirectory create(String prefix) throws IOException {
        DataDirectory directory = new DataDirectory(Files.createTempDirectory(prefix));
        System.out.println("data directory: " + directory.path);
        return directory;
    }

    Path path() {
        return path;
    }

    /** Leaves the directory in place when the run ends, to look into it (a failed run's logs, say). */
    void keep() {
        kept = true;
    }

    @Override
    public void close() throws IOException {
        if (kept) {
            System.out.println("data directory kept: " + path);
        } else {
            FileSystemUtils.deleteRecursively(path);
        }
    }
}
