package io.hashdesk.fleet;

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

import io.hashdesk.web.FormErrors;

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

    /** Rows imported, or the errors (and nothing imported). */
    public record Outcome(int imported, List<LineError> errors) {
        public boolean ok() {
            return errors.isEmpty();
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
                siteId = siteIdsByLowerName.get(siteName.toLowerCase(Locale.ROOT));
                if (siteId == null) {
                    errors.add("siteId", "There is no site named \"" + siteName + "\"; add it on the Sites page first.");
                }
            }
            String model = Numbers.trim(cells.get("model"));
            Long units = Numbers.whole(cells.get("units"), "units", errors, "Enter a whole number of units, 1 to 1,000,000.");
            Double terahash = Numbers.decimal(cells.get("terahash"), "terahash", errors, "Enter TH/s per unit as a number, e.g. 200.");
            Double watts = Numbers.decimal(cells.get("watts"), "watts", errors, "Enter W per unit as a number, e.g. 3500.");
            Double purchase = Numbers.decimal(cells.get("purchaseUsdPerUnit"), "purchaseUsd", errors,
                    "Enter USD per unit as a number, e.g. 2400, or leave it empty.");
            java.time.LocalDate date = Numbers.date(cells.get("purchaseDate"), "purchaseDate", errors);
            String notes = Numbers.trim(cells.get("notes"));
            return new RigJson(null, siteId, model.isEmpty() ? null : model, units, terahash, watts, purchase, date,
                    notes.isEmpty() ? null : notes);
        }
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
     * column exactly once (any order), at most {@link #MAX_ROWS} rows. Blank lines are skipped.
     */
    public static List<Row> read(byte[] bytes) {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Record> records = new ArrayList<>(records(text));
        while (!records.isEmpty() && records.get(0).cells.size() == 1 && records.get(0).cells.get(0).isBlank()) {
            records.remove(0);
        }
        if (records.isEmpty()) {
            throw new UnreadableException(1, null, "The file is empty; the first line must be the header " + HEADER + ".");
        }
        Record header = records.get(0);
        List<String> names = header.cells.stream().map(String::strip).toList();
        List<LineError> problems = new ArrayList<>();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String known = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (known == null) {
                problems.add(new LineError(1, name, "Unknown column \"" + name + "\"; the header is " + HEADER + "."));
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
        for (Record r : records.subList(1, records.size())) {
            if (r.cells.size() == 1 && r.cells.get(0).isBlank()) {
                continue;
            }
            if (rows.size() == MAX_ROWS) {
                throw new UnreadableException(r.line, null, "The file has more than " + String.format(Locale.ENGLISH,
                        "%,d", MAX_ROWS) + " rows; split it into smaller files.");
            }
            if (r.cells.size() != names.size()) {
                problems.add(new LineError(r.line, null, "Expected " + names.size() + " cells, found " + r.cells.size()
                        + ". Quote cells that contain a comma."));
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (String column : COLUMNS) {
                cells.put(column, unneutralise(r.cells.get(position.get(column))));
            }
            rows.add(new Row(r.line, cells));
        }
        if (!problems.isEmpty()) {
            throw new UnreadableException(problems);
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

    private record Record(int line, List<String> cells) {
    }

    /** RFC 4180 records: quoted cells may hold commas, quotes ("") and line breaks; CRLF or LF ends a record. */
    private static List<Record> records(String text) {
        List<Record> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int i = 0;
        int n = text.length();
        boolean any = false;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' && cell.length() == 0) {
                int quoteLine = line;
                i++;
                boolean closed = false;
                while (i < n) {
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            cell.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        closed = true;
                        break;
                    }
                    if (q == '\n') {
                        line++;
                    }
                    cell.append(q);
                    i++;
                }
                if (!closed) {
                    throw new UnreadableException(quoteLine, null, "A quoted cell is never closed; check the quotes on this line.");
                }
                if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                    throw new UnreadableException(line, null,
                            "Text follows a closing quote; write a quote inside a quoted cell as two quotes (\"\").");
                }
                any = true;
                continue;
            }
            if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                any = true;
                i++;
            } else if (c == '\r' || c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                records.add(new Record(recordLine, List.copyOf(cells)));
                cells.clear();
                any = false;
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                i++;
                line++;
                recordLine = line;
            } else {
                cell.append(c);
                any = true;
                i++;
            }
        }
        if (any || cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            records.add(new Record(recordLine, List.copyOf(cells)));
        }
        return records;
    }
}
