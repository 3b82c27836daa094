package io.pipelens.launcher;

import java.util.function.Supplier;

/**
 * Which service a thread works for, when both run in one JVM: Spring Boot labels log lines with
 * {@code spring.application.name}, but its logging system is one per JVM, so the first service's name would label
 * every line. The label is inherited by every thread created while a service starts or runs (its web server's,
 * processors' and database clients' threads), and printed by {@link ServiceLabelConverter}.
 */
final class ServiceLabel {

    private static final InheritableThreadLocal<String> CURRENT = new InheritableThreadLocal<>();

    private ServiceLabel() {
    }

    /** The calling thread's service, or null where no service is known (the launcher's own threads). */
    static String current() {
        return CURRENT.get();
    }

    /** Runs {@code work} as {@code service}, and every thread it creates with it. */
    static <T> T during(String service, Supplier<T> work) {
        String previous = CURRENT.get();
        CURRENT.set(service);
        try {
            return work.get();
        } finally {
            CURRENT.set(previous);
        }
    }

    /** Runs {@code work} as {@code service}, and every thread it creates with it. */
    static void during(String service, Runnable work) {
        during(service, () -> {
            work.run();
            return null;
        });
    }
}
