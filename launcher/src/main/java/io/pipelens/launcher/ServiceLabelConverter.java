package io.pipelens.launcher;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %service} in a Logback pattern: the logging thread's {@link ServiceLabel}, empty when it has none. */
public class ServiceLabelConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        String service = ServiceLabel.current();
        return service == null ? "" : service;
    }
}
