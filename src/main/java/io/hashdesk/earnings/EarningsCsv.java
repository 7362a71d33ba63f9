package io.hashdesk.earnings;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.hashdesk.web.CsvReader;

/**
 * A pool's daily export as a {@code csv} account uploads it (RFC 4180, UTF-8, one header line):
 *
 * <pre>date,btc[,hashrateThs]</pre>
 *
 * {@code date} is a UTC day as YYYY-MM-DD, {@code btc} the amount credited that day (0 or more, net
 * of the pool's fee), {@code hashrateThs} optionally the pool-reported TH/s. At most
 * {@link #MAX_ROWS} rows; a file with any bad line is refused whole, every problem named by line
 * and column.
 */
public final class EarningsCsv {

    public static final String MEDIA_TYPE = "text/csv";
    public static final int MAX_ROWS = 10_000;
    public static final String HEADER = "date,btc[,hashrateThs]";
    /** More credited in one day than this is not a mining pool's daily export. */
    static final double MAX_BTC_PER_DAY = 21_000_000;
    static final double MAX_THS = 1e12;

    private static final CsvReader READER = new CsvReader(List.of("date", "btc", "hashrateThs"),
            Set.of("hashrateThs"), HEADER, MAX_ROWS);

    private EarningsCsv() {
    }

    /** The days of the file, for the account {@code poolId}; throws with every problem found. */
    public static List<EarningDays.Day> read(long poolId, byte[] bytes, LocalDate today) {
        List<CsvReader.Row> rows = READER.read(bytes);
        List<CsvReader.LineError> problems = new ArrayList<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        List<EarningDays.Day> days = new ArrayList<>(rows.size());
        for (CsvReader.Row r : rows) {
            String dateCell = r.cells().get("date").strip();
            LocalDate date = null;
            try {
                date = LocalDate.parse(dateCell);
                if (!date.isBefore(today)) {
                    problems.add(new CsvReader.LineError(r.line(), "date",
                            "The day " + date + " is not over yet (UTC); upload closed days only."));
                    date = null;
                } else if (seen.putIfAbsent(date, r.line()) != null) {
                    problems.add(new CsvReader.LineError(r.line(), "date",
                            "The day " + date + " is already on line " + seen.get(date) + "."));
                    date = null;
                }
            } catch (DateTimeParseException e) {
                problems.add(new CsvReader.LineError(r.line(), "date", "Enter the UTC day as YYYY-MM-DD, e.g. 2026-11-30"
                        + (dateCell.isEmpty() ? "." : ", not \"" + CsvReader.shorten(dateCell) + "\".")));
            }
            Double btc = number(r, "btc", false, MAX_BTC_PER_DAY,
                    "Enter the BTC credited that day as a number, 0 or more, e.g. 0.00123456.", problems);
            Double ths = number(r, "hashrateThs", true, MAX_THS,
                    "Enter the pool-reported hashrate in TH/s as a number, 0 or more, or leave it empty.", problems);
            if (date != null && btc != null && problems.isEmpty()) {
                days.add(new EarningDays.Day(poolId, date, btc, ths));
            }
        }
        if (!problems.isEmpty()) {
            throw new CsvReader.UnreadableException(CsvReader.capped(problems));
        }
        return days;
    }

    private static Double number(CsvReader.Row r, String column, boolean optional, double max, String message,
            List<CsvReader.LineError> problems) {
        String cell = r.cells().get(column).strip();
        if (cell.isEmpty()) {
            if (!optional) {
                problems.add(new CsvReader.LineError(r.line(), column, message));
            }
            return null;
        }
        try {
            double v = Double.parseDouble(cell);
            if (cell.chars().allMatch(c -> Character.isDigit(c) || c == '.') && Double.isFinite(v) && v >= 0
                    && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new CsvReader.LineError(r.line(), column, message + " Found \"" + CsvReader.shorten(cell) + "\"."));
        return null;
    }
}
