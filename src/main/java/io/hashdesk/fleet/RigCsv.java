package io.hashdesk.fleet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.hashdesk.web.CsvReader;
import io.hashdesk.web.FormErrors;
import io.hashdesk.web.Numbers;

/**
 * Rig groups as CSV (RFC 4180): one header line, then one group per record.
 *
 * <pre>site,model,units,terahash,watts,purchaseUsdPerUnit,purchaseDate,notes[,purchaseCurrency]</pre>
 *
 * {@code site} is the site's name; {@code terahash} and {@code watts} are per unit; the last three
 * cells may be empty. The optional {@code purchaseCurrency} column (ISO 4217, empty or absent: USD)
 * says what the purchase price is in; an export has it when a group's price is in another currency. On export a cell starting with = + - @ (or a tab or carriage return) is
 * prefixed with an apostrophe, so a spreadsheet shows it as text instead of running it as a
 * formula; on import that apostrophe is removed again, so an exported file imports unchanged.
 */
public final class RigCsv {

    public static final List<String> COLUMNS = List.of("site", "model", "units", "terahash", "watts",
            "purchaseUsdPerUnit", "purchaseDate", "notes");
    public static final String HEADER = String.join(",", COLUMNS);
    /** The optional last column: what purchaseUsdPerUnit is in (absent or empty: USD). */
    public static final String CURRENCY = "purchaseCurrency";
    public static final int MAX_ROWS = 10_000;
    /** A header with more cells than this is not ours (a file of commas, a wrong file): refused at once. */
    static final int MAX_COLUMNS = CsvReader.MAX_COLUMNS;
    /** Problems listed one by one; beyond this the answer says how many more there are. */
    static final int MAX_REPORTED = CsvReader.MAX_REPORTED;
    public static final String MEDIA_TYPE = "text/csv";

    /** JSON field name -> CSV column. */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("siteId", "site", "model", "model", "units",
            "units", "terahash", "terahash", "watts", "watts", "purchaseUsd", "purchaseUsdPerUnit", "purchaseDate",
            "purchaseDate", "notes", "notes", "purchasePrice", "purchaseUsdPerUnit", "purchaseCurrency", CURRENCY);

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
            Double purchase = Numbers.decimal(cells.get("purchaseUsdPerUnit"), "purchasePrice", errors,
                    "Enter the price of one unit as a number, e.g. 2400, or leave it empty.");
            LocalDate date = Numbers.date(cells.get("purchaseDate"), "purchaseDate", errors);
            String notes = Numbers.trim(cells.get("notes"));
            String currency = Numbers.trim(cells.get(CURRENCY));
            return new RigJson(null, siteId, model.isEmpty() ? null : model, units, terahash, watts, null, date,
                    notes.isEmpty() ? null : notes, purchase, currency.isEmpty() ? null : currency);
        }
    }

    /** User text for a message: at most a few dozen characters, so a huge cell is not echoed back whole. */
    static String shorten(String text) {
        return CsvReader.shorten(text);
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
        boolean currencies = rigs.stream().anyMatch(RigGroup::foreign);
        StringBuilder out = new StringBuilder(HEADER).append(currencies ? "," + CURRENCY : "").append("\r\n");
        for (RigGroup r : rigs) {
            List<String> cells = new ArrayList<>(List.of(r.site.name, r.model, Long.toString(r.units),
                    Numbers.plain(r.terahashPerUnit), Numbers.plain(r.wattsPerUnit), Numbers.plain(r.purchaseUsdPerUnit),
                    r.purchaseDate == null ? "" : r.purchaseDate.toString(), r.notes == null ? "" : r.notes));
            if (currencies) {
                cells.add(r.purchaseCurrency);
            }
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

    private static final CsvReader READER = new CsvReader(
            java.util.stream.Stream.concat(COLUMNS.stream(), java.util.stream.Stream.of(CURRENCY)).toList(), Set.of(CURRENCY),
            HEADER + "[," + CURRENCY + "]", MAX_ROWS);

    /**
     * Reads a whole file with {@link CsvReader}: strict UTF-8, the header with every column exactly
     * once (any order), at most {@link #MAX_ROWS} rows, blank lines skipped, limits checked while
     * reading; the export's formula guard is undone cell by cell.
     */
    public static List<Row> read(byte[] bytes) {
        List<CsvReader.Row> records;
        try {
            records = READER.read(bytes);
        } catch (CsvReader.UnreadableException e) {
            throw new UnreadableException(e.errors.stream()
                    .map(x -> new LineError(x.line(), x.column(), x.message())).toList());
        }
        List<Row> rows = new ArrayList<>(records.size());
        for (CsvReader.Row r : records) {
            Map<String, String> cells = new LinkedHashMap<>();
            r.cells().forEach((column, value) -> cells.put(column, unneutralise(value)));
            rows.add(new Row(r.line(), cells));
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
}
