package io.pipelens.command.importing;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads an event log into raw rows (column → text), checking only its shape: not empty, not too large, a header
 * with the mapped columns (CSV), the right number of fields per row (CSV), one JSON object per line (NDJSON), an XES
 * log ({@link XesReader}). A gzipped file is recognised by its first bytes and read decompressed. What the values
 * mean is {@link RowInterpreter}'s business.
 */
final class EventLogReader {

    /**
     * One data row: its number (CSV: data row from 1, header excluded; NDJSON: line number; XES: the event's position
     * in the file, from 1) and its values.
     */
    record RawRow(long row, Map<String, String> values) {

        String get(String column) {
            return column == null ? null : values.get(column);
        }
    }

    /** The rows read, and what was wrong; {@code fatal} when the file could not be read to its end. */
    record Result(List<RawRow> rows, long rowsRead, ProblemList problems, boolean fatal) {
    }

    /** Spreadsheet programs start their UTF-8 exports with it; it is not part of the first column's name. */
    private static final int BYTE_ORDER_MARK = '\uFEFF';

    private static final int BUFFER = 64 * 1024;

    /** Longest NDJSON line, in characters. */
    static final int MAX_LINE = 1024 * 1024;

    private final ImportOptions options;
    private final ImportMapping mapping;
    private final ImportLimits limits;
    private final ObjectMapper json;
    private long rowsRead;

    EventLogReader(ImportOptions options, ImportMapping mapping, ImportLimits limits, ObjectMapper json) {
        this.options = options;
        this.mapping = mapping;
        this.limits = limits;
        this.json = json;
    }

    Result read(InputStream input) {
        List<RawRow> rows = new ArrayList<>();
        ProblemList problems = new ProblemList();
        boolean fatal;
        try (InputStream in = decompressed(input)) {
            in.mark(1);
            if (in.read() == -1) {
                problems.add(ImportProblem.ofFile(null, ProblemCode.EMPTY_FILE, "the file is empty"));
                return new Result(rows, rowsRead, problems, true);
            }
            in.reset();
            fatal = options.format() == ImportOptions.ImportFormat.XES ? readXes(in, rows, problems)
                    : readText(in, rows, problems);
        } catch (TooLargeException e) {
            problems.add(ImportProblem.ofFile(null, ProblemCode.TOO_LARGE, tooLarge()));
            return new Result(rows, rowsRead, problems, true);
        } catch (IOException | UncheckedIOException e) {
            problems.add(e.getCause() instanceof TooLargeException
                    ? ImportProblem.ofFile(null, ProblemCode.TOO_LARGE, tooLarge())
                    : ImportProblem.ofFile(null, ProblemCode.UNREADABLE, "could not be read: " + e.getMessage()));
            return new Result(rows, rowsRead, problems, true);
        }
        if (!fatal && rows.isEmpty() && problems.isEmpty()) {
            problems.add(ImportProblem.ofFile(null, ProblemCode.EMPTY_FILE, switch (options.format()) {
                case CSV -> "the file has a header but no data rows";
                case NDJSON -> "the file holds no JSON lines";
                case XES -> "the XES log holds no events in traces";
            }));
            fatal = true;
        }
        return new Result(rows, rowsRead, problems, fatal);
    }

    /**
     * The input, decompressed when it starts with gzip's magic bytes, and cut at the limit: the limit counts the bytes
     * after decompression, so a small file that inflates to gigabytes (a gzip bomb) is refused like a large one.
     */
    private InputStream decompressed(InputStream input) throws IOException {
        BufferedInputStream raw = new BufferedInputStream(input, BUFFER);
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        InputStream data = gzip ? new GZIPInputStream(raw, BUFFER) : raw;
        return new BufferedInputStream(new LimitedInputStream(data, limits.maxBytes()), BUFFER);
    }

    private boolean readText(InputStream in, List<RawRow> rows, ProblemList problems) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER);
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
        return options.format() == ImportOptions.ImportFormat.CSV
                ? readCsv(reader, rows, problems)
                : readNdjson(reader, rows, problems);
    }

    private boolean readXes(InputStream in, List<RawRow> rows, ProblemList problems) throws IOException {
        XesReader xes = new XesReader(limits.maxRows());
        try {
            return xes.read(in, rows, problems);
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof TooLargeException || e.getCause() instanceof TooLargeException) {
                throw new TooLargeException();
            }
            Location at = e.getLocation();
            problems.add(at == null ? 0 : xes.rowsRead() + 1, null, ProblemCode.UNREADABLE, "the XES file cannot be"
                    + " read" + (at == null ? "" : " past line " + at.getLineNumber()) + ": "
                    + firstLine(e.getMessage().replaceFirst("^ParseError at \\[row,col]:\\[\\d+,\\d+]\\s*Message: ", "")));
            return true;
        } finally {
            rowsRead = xes.rowsRead();
        }
    }

    String tooLarge() {
        return "the file is larger than " + limits.maxBytes() + " bytes, the most one import takes; split it";
    }

    private boolean readCsv(BufferedReader reader, List<RawRow> rows, ProblemList problems) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(options.delimiter())
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .get();
        CSVParser parser;
        try {
            parser = format.parse(reader);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            if (e.getCause() instanceof TooLargeException tooLarge) {
                throw tooLarge;
            }
            problems.add(ImportProblem.ofFile("header", ProblemCode.UNREADABLE, "cannot be read: " + e.getMessage()));
            return true;
        }
        List<String> header = parser.getHeaderNames();
        if (!checkHeader(header, problems)) {
            return true;
        }
        long row = 0;
        var records = parser.iterator();
        while (true) {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return false;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                if (e.getCause() instanceof TooLargeException tooLarge) {
                    throw tooLarge;
                }
                problems.add(row + 1, null, ProblemCode.UNREADABLE, "the file cannot be read past this row: " + message(e)
                        + " (a quote that is never closed, or a truncated file?)");
                return true;
            }
            row++;
            rowsRead = row;
            if (row > limits.maxRows()) {
                problems.add(ImportProblem.ofFile(null, ProblemCode.TOO_MANY_ROWS, "the file has more than "
                        + limits.maxRows() + " data rows, the most one import takes; split it"));
                return true;
            }
            if (record.size() != header.size()) {
                problems.add(row, null, ProblemCode.WRONG_FIELD_COUNT, "has " + record.size() + " field" + (record.size() == 1 ? "" : "s")
                        + ", the header has " + header.size() + " (a truncated line, or a stray delimiter?)");
                continue;
            }
            Map<String, String> values = new HashMap<>(header.size() * 2);
            for (int i = 0; i < header.size(); i++) {
                String value = record.get(i);
                values.put(header.get(i), value == null || value.isEmpty() ? null : value);
            }
            rows.add(new RawRow(row, values));
        }
    }

    private boolean checkHeader(List<String> header, ProblemList problems) {
        Set<String> found = new LinkedHashSet<>(header);
        ImportMapping.Columns c = mapping.columns();
        List<String> required = Stream.of(c.deal(), c.time(), c.activity()).toList();
        List<String> missing = required.stream().filter(column -> !found.contains(column)).toList();
        if (!missing.isEmpty()) {
            String foundText = found.isEmpty() ? "none" : "'" + String.join("', '", abbreviate(found)) + "'";
            String hint = found.size() == 1
                    ? "; the header has a single column, so the delimiter is probably not '" + options.delimiter()
                    + "' (set the delimiter option)"
                    : "";
            problems.add(ImportProblem.ofFile("header", hint.isEmpty() ? ProblemCode.MISSING_COLUMN
                    : ProblemCode.WRONG_DELIMITER, "required column" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " missing; the columns "
                    + "found are " + foundText + hint));
            return false;
        }
        List<String> optional = Arrays.asList(c.outcome(), c.owner(), c.source(), c.segment(), c.amount(),
                c.currency(), c.lostReason(), c.confirmedCriteria(), c.expectedCloseDate());
        boolean ok = true;
        for (String column : optional.stream().filter(Objects::nonNull).toList()) {
            if (!found.contains(column)) {
                problems.add(ImportProblem.ofFile("header", ProblemCode.MISSING_COLUMN, "column '" + column + "' named by the mapping is "
                        + "missing; the columns found are '" + String.join("', '", abbreviate(found)) + "'"));
                ok = false;
            }
        }
        ImportMapping.Lifecycle lifecycle = mapping.lifecycle();
        if (lifecycle.filters() && !found.contains(lifecycle.column())) {
            problems.add(ImportProblem.ofFile("lifecycleColumn", ProblemCode.MISSING_COLUMN,
                    lifecycle.missing("from the header") + "; the columns found are '"
                            + String.join("', '", abbreviate(found)) + "'"));
            ok = false;
        }
        return ok;
    }

    private static List<String> abbreviate(Set<String> names) {
        return names.stream().limit(20).map(n -> n.length() > 60 ? n.substring(0, 60) + "…" : n).toList();
    }

    private boolean readNdjson(BufferedReader reader, List<RawRow> rows, ProblemList problems) throws IOException {
        long line = 0;
        long dataRows = 0;
        String text;
        while ((text = readLine(reader)) != null) {
            line++;
            if (text.length() > MAX_LINE) {
                problems.add(line, null, ProblemCode.LINE_TOO_LONG, "is longer than " + MAX_LINE + " characters; an NDJSON line holds one "
                        + "small JSON object (is this NDJSON?)");
                return true;
            }
            if (text.isBlank()) {
                continue;
            }
            rowsRead = ++dataRows;
            if (dataRows > limits.maxRows()) {
                problems.add(ImportProblem.ofFile(null, ProblemCode.TOO_MANY_ROWS, "the file has more than "
                        + limits.maxRows() + " lines, the most one import takes; split it"));
                return true;
            }
            JsonNode node;
            try {
                node = json.readTree(text);
            } catch (JacksonException e) {
                problems.add(line, null, ProblemCode.NOT_JSON, "is not JSON (" + firstLine(e.getOriginalMessage())
                        + "); every line must be one JSON object (a truncated line?)");
                continue;
            }
            if (node == null || !node.isObject()) {
                problems.add(line, null, ProblemCode.NOT_JSON, "is not a JSON object; every line must be one JSON object");
                continue;
            }
            Map<String, String> values = new HashMap<>();
            node.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                String textValue = value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
                values.put(field.getKey(), textValue == null || textValue.isEmpty() ? null : textValue);
            });
            rows.add(new RawRow(line, values));
        }
        return false;
    }

    /** The next line without its end, cut after {@link #MAX_LINE} + 1 characters; null at the end of the input. */
    private static String readLine(BufferedReader reader) throws IOException {
        StringBuilder line = new StringBuilder(256);
        int c;
        while ((c = reader.read()) != -1) {
            if (c == '\n') {
                return line.toString();
            }
            if (c != '\r') {
                line.append((char) c);
                if (line.length() > MAX_LINE) {
                    return line.toString();
                }
            }
        }
        return line.length() == 0 ? null : line.toString();
    }

    private static String message(RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return firstLine(cause.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int cut = message.indexOf('\n');
        return cut > 0 ? message.substring(0, cut) : message;
    }

    /** Thrown while reading once more than the allowed bytes have come in. */
    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("too large");
        }
    }

    /** Counts the bytes read and refuses to go past the limit. */
    private static final class LimitedInputStream extends FilterInputStream {

        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws TooLargeException {
            count += n;
            if (count > limit) {
                throw new TooLargeException();
            }
        }
    }
}
