package io.pipelens.command.importing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a process-mining log in XES (IEEE 1849) into raw rows, one per event, streaming with the JDK's StAX reader:
 * an event's attributes by their key ({@code concept:name}, {@code time:timestamp}, {@code org:resource},
 * {@code lifecycle:transition}, any other), and its trace's attributes with the prefix {@code case:}
 * ({@code case:concept:name}, the case id), as process-mining tools flatten a log into a table. A row's number is the
 * event's position in the file, from 1. Nested attributes (lists, containers, meta-attributes) and the log's
 * {@code global} defaults are not read.
 * <p>
 * OpenXES, the reference implementation, is not on Maven Central in a maintained form, and an XES log is plain XML
 * of a handful of elements, so the JDK's reader does the job without a dependency. DTDs and external entities are
 * refused: a log is data, and must not make the service read files or URLs (XXE).
 */
final class XesReader {

    /** The prefix that marks a trace's attributes among an event's. */
    static final String TRACE_PREFIX = "case:";

    private static final Set<String> ATTRIBUTES = Set.of("string", "date", "int", "float", "boolean", "id", "list",
            "container");

    private final int maxRows;
    private long rowsRead;

    XesReader(int maxRows) {
        this.maxRows = maxRows;
    }

    /** Events read so far. */
    long rowsRead() {
        return rowsRead;
    }

    /** Reads {@code input} into {@code rows}; answers true when it could not be read to its end (see {@code problems}). */
    boolean read(InputStream input, List<EventLogReader.RawRow> rows, ProblemList problems) throws XMLStreamException {
        XMLStreamReader xml = factory().createXMLStreamReader(input);
        try {
            return read(xml, rows, problems);
        } finally {
            xml.close();
        }
    }

    private boolean read(XMLStreamReader xml, List<EventLogReader.RawRow> rows, ProblemList problems)
            throws XMLStreamException {
        Map<String, String> trace = null;
        List<Map<String, String>> events = new ArrayList<>();
        Map<String, String> event = null;
        int nested = 0;
        boolean root = true;
        boolean global = false;
        while (xml.hasNext()) {
            int type = xml.next();
            if (type == XMLStreamConstants.DTD) {
                problems.add(ImportProblem.ofFile(null, ProblemCode.UNREADABLE, "the XES file declares a DTD, which "
                        + "is not read (it could make the service read other files); remove the DOCTYPE"));
                return true;
            }
            if (type == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (root) {
                    root = false;
                    if (!name.equals("log")) {
                        problems.add(ImportProblem.ofFile(null, ProblemCode.UNREADABLE, "is not an XES log: its root "
                                + "element is '" + name + "', not 'log'"));
                        return true;
                    }
                } else if (nested > 0 || global) {
                    nested += ATTRIBUTES.contains(name) ? 1 : 0;
                } else if (name.equals("global")) {
                    global = true;
                } else if (name.equals("trace")) {
                    trace = new HashMap<>();
                    events.clear();
                } else if (name.equals("event") && trace != null) {
                    event = new HashMap<>();
                } else if (ATTRIBUTES.contains(name)) {
                    String key = xml.getAttributeValue(null, "key");
                    String value = xml.getAttributeValue(null, "value");
                    if (key != null && value != null && !value.isEmpty()) {
                        if (event != null) {
                            event.put(key, value);
                        } else if (trace != null) {
                            trace.put(TRACE_PREFIX + key, value);
                        }
                    }
                    nested = 1;
                }
            } else if (type == XMLStreamConstants.END_ELEMENT) {
                String name = xml.getLocalName();
                if (nested > 0) {
                    nested -= ATTRIBUTES.contains(name) ? 1 : 0;
                } else if (name.equals("global")) {
                    global = false;
                } else if (name.equals("event") && event != null) {
                    if (++rowsRead > maxRows) {
                        problems.add(ImportProblem.ofFile(null, ProblemCode.TOO_MANY_ROWS, "the file has more than "
                                + maxRows + " events, the most one import takes; split it"));
                        return true;
                    }
                    events.add(event);
                    event = null;
                } else if (name.equals("trace") && trace != null) {
                    emit(trace, events, rows);
                    trace = null;
                }
            }
        }
        return false;
    }

    /** The trace's events as rows, each with the trace's attributes; numbered by their position in the file. */
    private void emit(Map<String, String> trace, List<Map<String, String>> events, List<EventLogReader.RawRow> rows) {
        long first = rowsRead - events.size() + 1;
        for (int i = 0; i < events.size(); i++) {
            Map<String, String> values = new HashMap<>(trace);
            values.putAll(events.get(i));
            rows.add(new EventLogReader.RawRow(first + i, values));
        }
        events.clear();
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }
}
