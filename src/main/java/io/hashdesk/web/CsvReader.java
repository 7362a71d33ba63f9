package io.hashdesk.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads CSV files (RFC 4180) of one header line and one record per line: strict UTF-8 (an optional
 * byte order mark is skipped), the header naming each known column at most once (any order, any
 * case), the required ones present, at most {@code maxRows} records; blank lines are skipped. One
 * pass over the text: limits are checked as records are read, so a file of any shape is answered
 * in time proportional to its size, and refused as soon as it breaks a limit. Every problem names
 * its line (the header is line 1) and, where it has one, its column.
 */
public final class CsvReader {

    /** A header with more cells than this is not ours (a file of commas, a wrong file): refused at once. */
    public static final int MAX_COLUMNS = 50;
    /** Problems listed one by one; beyond this the answer says how many more there are. */
    public static final int MAX_REPORTED = 100;
    /** User text quoted back in a message is cut to this many characters. */
    private static final int MAX_QUOTED = 60;

    private final List<String> columns;
    private final Set<String> optional;
    private final String header;
    private final int maxRows;

    /**
     * @param columns  the known columns, in the order rows give their cells
     * @param optional those of them a file may leave out (their cells then read as empty)
     * @param header   how the header is described in messages, e.g. {@code date,btc[,hashrateThs]}
     */
    public CsvReader(List<String> columns, Set<String> optional, String header, int maxRows) {
        this.columns = List.copyOf(columns);
        this.optional = Set.copyOf(optional);
        this.header = header;
        this.maxRows = maxRows;
    }

    /** What is wrong with one cell (or, with a null column, the whole line or file). */
    public record LineError(int line, String column, String message) {
        @Override
        public String toString() {
            return "Line " + line + (column == null ? "" : ", column " + column) + ": " + message;
        }
    }

    /** A file could not be read as CSV at all: wrong encoding, header, quoting or too many rows. */
    public static class UnreadableException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final transient List<LineError> errors;

        public UnreadableException(List<LineError> errors) {
            super(errors.get(0).toString());
            this.errors = List.copyOf(errors);
        }

        public UnreadableException(int line, String column, String message) {
            this(List.of(new LineError(line, column, message)));
        }
    }

    /** One record, cells by column name (every known column, in order), with the line it starts on. */
    public record Row(int line, Map<String, String> cells) {
    }

    /** User text for a message: at most a few dozen characters, so a huge cell is not echoed back whole. */
    public static String shorten(String text) {
        return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "…";
    }

    /** At most {@link #MAX_REPORTED} problems, then one line saying how many more there are. */
    public static List<LineError> capped(List<LineError> problems) {
        if (problems.size() <= MAX_REPORTED) {
            return problems;
        }
        List<LineError> out = new ArrayList<>(problems.subList(0, MAX_REPORTED));
        out.add(new LineError(problems.get(MAX_REPORTED).line(), null, String.format(Locale.ENGLISH,
                "%,d more problems from this line on are not listed.", problems.size() - MAX_REPORTED)));
        return out;
    }

    /** Reads a whole file; throws {@link UnreadableException} with every problem found. */
    public List<Row> read(byte[] bytes) {
        String text = decode(bytes);
        Records records = new Records(text, text.startsWith("\uFEFF") ? 1 : 0);
        Record first = records.next();
        while (first != null && first.blank()) {
            first = records.next();
        }
        if (first == null) {
            throw new UnreadableException(1, null, "The file is empty; the first line must be the header " + header + ".");
        }
        if (first.count > MAX_COLUMNS) {
            throw new UnreadableException(1, null, String.format(Locale.ENGLISH,
                    "The first line has %,d cells; it must be the header %s.", first.count, header));
        }
        List<String> names = first.cells.stream().map(String::strip).toList();
        List<LineError> problems = new ArrayList<>();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String known = columns.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (known == null) {
                problems.add(new LineError(1, shorten(name), "Unknown column \"" + shorten(name) + "\"; the header is "
                        + header + "."));
            } else if (position.putIfAbsent(known, i) != null) {
                problems.add(new LineError(1, known, "The column " + known + " appears twice."));
            }
        }
        for (String column : columns) {
            if (!position.containsKey(column) && !optional.contains(column)) {
                problems.add(new LineError(1, column, "The column " + column + " is missing; the header is " + header + "."));
            }
        }
        if (!problems.isEmpty()) {
            throw new UnreadableException(problems);
        }
        List<Row> rows = new ArrayList<>();
        int count = 0;
        for (Record r = records.next(); r != null; r = records.next()) {
            if (r.blank()) {
                continue;
            }
            if (++count > maxRows) {
                throw new UnreadableException(r.line, null, "The file has more than " + String.format(Locale.ENGLISH,
                        "%,d", maxRows) + " rows; split it into smaller files.");
            }
            if (r.count != names.size()) {
                problems.add(new LineError(r.line, null, "Expected " + names.size() + " cells, found "
                        + String.format(Locale.ENGLISH, "%,d", r.count) + ". Quote cells that contain a comma."));
                continue;
            }
            if (!problems.isEmpty()) {
                continue; // the file is refused anyway: keep counting rows and problems, build no more cells
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (String column : columns) {
                Integer at = position.get(column);
                cells.put(column, at == null ? "" : r.cells.get(at));
            }
            rows.add(new Row(r.line, cells));
        }
        if (!problems.isEmpty()) {
            throw new UnreadableException(capped(problems));
        }
        return rows;
    }

    private static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(buffer).toString();
        } catch (MalformedInputException e) {
            int bad = buffer.position();
            int line = 1;
            for (int i = 0; i < bad && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new UnreadableException(line, null,
                    "The file is not UTF-8 text. Save it as \"CSV UTF-8\" and import it again.");
        } catch (CharacterCodingException e) {
            throw new UnreadableException(1, null, "The file is not UTF-8 text. Save it as \"CSV UTF-8\" and import it again.");
        }
    }

    /**
     * One record: the line it starts on, its first cells (at most {@link #MAX_COLUMNS} + 1 are kept,
     * so a line of ten million commas costs no memory) and how many it has in all.
     */
    private record Record(int line, List<String> cells, int count) {
        boolean blank() {
            return count == 1 && cells.get(0).isBlank();
        }
    }

    /**
     * RFC 4180 records, read one at a time: quoted cells may hold commas, quotes ("") and line
     * breaks; CRLF or LF ends a record.
     */
    private static final class Records {
        private final String text;
        private final int n;
        private int i;
        private int line = 1;
        private final StringBuilder cell = new StringBuilder();

        Records(String text, int start) {
            this.text = text;
            this.n = text.length();
            this.i = start;
        }

        /** The next record, or null at the end of the text. */
        Record next() {
            if (i >= n) {
                return null;
            }
            List<String> cells = new ArrayList<>();
            int count = 0;
            int recordLine = line;
            cell.setLength(0);
            while (i < n) {
                char c = text.charAt(i);
                if (c == '"' && cell.length() == 0) {
                    readQuoted();
                    continue;
                }
                if (c == ',') {
                    count = add(cells, count);
                    i++;
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    i++;
                    line++;
                    count = add(cells, count);
                    return new Record(recordLine, cells, count);
                } else {
                    cell.append(c);
                    i++;
                }
            }
            count = add(cells, count);
            return new Record(recordLine, cells, count);
        }

        private int add(List<String> cells, int count) {
            if (cells.size() <= MAX_COLUMNS) {
                cells.add(cell.toString());
            }
            cell.setLength(0);
            return count + 1;
        }

        private void readQuoted() {
            int quoteLine = line;
            i++;
            while (i < n) {
                char q = text.charAt(i);
                if (q == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    i++;
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                        throw new UnreadableException(line, null,
                                "Text follows a closing quote; write a quote inside a quoted cell as two quotes (\"\").");
                    }
                    return;
                }
                if (q == '\n') {
                    line++;
                }
                cell.append(q);
                i++;
            }
            throw new UnreadableException(quoteLine, null, "A quoted cell is never closed; check the quotes on this line.");
        }
    }
}
