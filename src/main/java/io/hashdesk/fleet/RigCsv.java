package io.hashdesk.fleet;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.hashdesk.web.FormErrors;
import io.hashdesk.web.Numbers;

/**
 * Rig groups as CSV (RFC 4180): one header line, then one group per record.
 *
 * <pre>site,model,units,terahash,watts,purchaseUsdPerUnit,purchaseDate,notes</pre>
 *
 * {@code site} is the site's name; {@code terahash} and {@code watts} are per unit; the last three
 * cells may be empty. On export a cell starting with = + - @ (or a tab or carriage return) is
 * prefixed with an apostrophe, so a spreadsheet shows it as text instead of running it as a
 * formula; on import that apostrophe is removed again, so an exported file imports unchanged.
 */
public final class RigCsv {

    public static final List<String> COLUMNS = List.of("site", "model", "units", "terahash", "watts",
            "purchaseUsdPerUnit", "purchaseDate", "notes");
    public static final String HEADER = String.join(",", COLUMNS);
    public static final int MAX_ROWS = 10_000;
    /** A header with more cells than this is not ours (a file of commas, a wrong file): refused at once. */
    static final int MAX_COLUMNS = 50;
    /** Problems listed one by one; beyond this the answer says how many more there are. */
    static final int MAX_REPORTED = 100;
    /** User text quoted back in a message is cut to this many characters. */
    private static final int MAX_QUOTED = 60;
    public static final String MEDIA_TYPE = "text/csv";

    /** JSON field name -> CSV column. */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("siteId", "site", "model", "model", "units",
            "units", "terahash", "terahash", "watts", "watts", "purchaseUsd", "purchaseUsdPerUnit", "purchaseDate",
            "purchaseDate", "notes", "notes");

    private RigCsv() {
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

        UnreadableException(List<LineError> errors) {
            super(errors.get(0).toString());
            this.errors = List.copyOf(errors);
        }

        UnreadableException(int line, String column, String message) {
            this(List.of(new LineError(line, column, message)));
        }
    }

    /** One record of the file, cells by column name, with the line it starts on (the header is line 1). */
    public record Row(int line, Map<String, String> cells) {

        /** The row as the JSON API would take it; cells that do not parse are reported by field. */
        RigJson toJson(Map<String, Long> siteIdsByLowerName, FormErrors errors) {
            String siteName = Numbers.trim(cells.get("site"));
            Long siteId = null;
            if (siteName.isEmpty()) {
                errors.add("siteId", "Give the site's name.");
            } else {
                siteId = siteIdsByLowerName.get(Site.nameKey(siteName));
                if (siteId == null) {
                    errors.add("siteId", "There is no site named \"" + shorten(siteName) + "\"; add it on the Sites page first.");
                }
            }
            String model = Numbers.trim(cells.get("model"));
            Long units = Numbers.whole(cells.get("units"), "units", errors, "Enter a whole number of units, 1 to 1,000,000.");
            Double terahash = Numbers.decimal(cells.get("terahash"), "terahash", errors, "Enter TH/s per unit as a number, e.g. 200.");
            Double watts = Numbers.decimal(cells.get("watts"), "watts", errors, "Enter W per unit as a number, e.g. 3500.");
            Double purchase = Numbers.decimal(cells.get("purchaseUsdPerUnit"), "purchaseUsd", errors,
                    "Enter USD per unit as a number, e.g. 2400, or leave it empty.");
            LocalDate date = Numbers.date(cells.get("purchaseDate"), "purchaseDate", errors);
            String notes = Numbers.trim(cells.get("notes"));
            return new RigJson(null, siteId, model.isEmpty() ? null : model, units, terahash, watts, purchase, date,
                    notes.isEmpty() ? null : notes);
        }
    }

    /** User text for a message: at most a few dozen characters, so a huge cell is not echoed back whole. */
    static String shorten(String text) {
        return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "…";
    }

    /** At most {@link #MAX_REPORTED} problems, then one line saying how many more there are. */
    static List<LineError> capped(List<LineError> problems) {
        if (problems.size() <= MAX_REPORTED) {
            return problems;
        }
        List<LineError> out = new ArrayList<>(problems.subList(0, MAX_REPORTED));
        out.add(new LineError(problems.get(MAX_REPORTED).line(), null, String.format(Locale.ENGLISH,
                "%,d more problems from this line on are not listed.", problems.size() - MAX_REPORTED)));
        return out;
    }

    static String column(String field) {
        return COLUMN_OF_FIELD.getOrDefault(field, field);
    }

    // --- Writing -----------------------------------------------------------------------------

    public static String write(List<RigGroup> rigs) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (RigGroup r : rigs) {
            List<String> cells = List.of(r.site.name, r.model, Long.toString(r.units), Numbers.plain(r.terahashPerUnit),
                    Numbers.plain(r.wattsPerUnit), Numbers.plain(r.purchaseUsdPerUnit),
                    r.purchaseDate == null ? "" : r.purchaseDate.toString(), r.notes == null ? "" : r.notes);
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(cells.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** One cell: formula-like text neutralised, then quoted if it holds a comma, quote or line break. */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && isFormulaStart(v.charAt(0))) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    // --- Reading -----------------------------------------------------------------------------

    /**
     * Reads a whole file: strict UTF-8 (an optional byte order mark is skipped), the header with every
     * column exactly once (any order), at most {@link #MAX_ROWS} rows. Blank lines are skipped. One
     * pass over the text: limits are checked as records are read, so a file of any shape is answered
     * in time proportional to its size, and refused as soon as it breaks a limit.
     */
    public static List<Row> read(byte[] bytes) {
        String text = decode(bytes);
        Records records = new Records(text, text.startsWith("\uFEFF") ? 1 : 0);
        Record header = records.next();
        while (header != null && header.blank()) {
            header = records.next();
        }
        if (header == null) {
            throw new UnreadableException(1, null, "The file is empty; the first line must be the header " + HEADER + ".");
        }
        if (header.count > MAX_COLUMNS) {
            throw new UnreadableException(1, null, String.format(Locale.ENGLISH,
                    "The first line has %,d cells; it must be the header %s.", header.count, HEADER));
        }
        List<String> names = header.cells.stream().map(String::strip).toList();
        List<LineError> problems = new ArrayList<>();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String known = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (known == null) {
                problems.add(new LineError(1, shorten(name), "Unknown column \"" + shorten(name) + "\"; the header is "
                        + HEADER + "."));
            } else if (position.putIfAbsent(known, i) != null) {
                problems.add(new LineError(1, known, "The column " + known + " appears twice."));
            }
        }
        for (String column : COLUMNS) {
            if (!position.containsKey(column)) {
                problems.add(new LineError(1, column, "The column " + column + " is missing; the header is " + HEADER + "."));
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
            if (++count > MAX_ROWS) {
                throw new UnreadableException(r.line, null, "The file has more than " + String.format(Locale.ENGLISH,
                        "%,d", MAX_ROWS) + " rows; split it into smaller files.");
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
            for (String column : COLUMNS) {
                cells.put(column, unneutralise(r.cells.get(position.get(column))));
            }
            rows.add(new Row(r.line, cells));
        }
        if (!problems.isEmpty()) {
            throw new UnreadableException(capped(problems));
        }
        return rows;
    }

    /** Undoes the export's formula guard: "'=x" reads as "=x". */
    static String unneutralise(String cell) {
        if (cell.length() >= 2 && cell.charAt(0) == '\'' && isFormulaStart(cell.charAt(1))) {
            return cell.substring(1);
        }
        return cell;
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
