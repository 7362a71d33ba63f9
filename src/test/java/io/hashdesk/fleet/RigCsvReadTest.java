package io.hashdesk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Reading CSV bodies of every shape up to the 10 MB body limit. Each read runs under a generous
 * preemptive timeout: not a speed target (that is the benchmark's job) but a guard that turns the
 * quadratic cases (a list shifted once per blank line took 8 s for 400,000 lines) into a failure.
 */
class RigCsvReadTest {

    private static final Duration QUADRATIC = Duration.ofSeconds(8);
    private static final int TEN_MB = 10 * 1024 * 1024;
    private static final String ROW = "Texas 1,Bitmain Antminer S21,1,200,3500,,,\n";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<RigCsv.Row> read(String text) {
        return assertTimeoutPreemptively(QUADRATIC, () -> RigCsv.read(bytes(text)));
    }

    private static RigCsv.UnreadableException refused(String text) {
        return assertTimeoutPreemptively(QUADRATIC,
                () -> assertThrows(RigCsv.UnreadableException.class, () -> RigCsv.read(bytes(text))));
    }

    @Test
    void fourHundredThousandBlankLinesBeforeTheHeader() {
        List<RigCsv.Row> rows = read("\n".repeat(400_000) + RigCsvTest.HEADER + ROW);
        assertEquals(1, rows.size());
        assertEquals("Texas 1", rows.get(0).cells().get("site"));
        assertEquals(400_002, rows.get(0).line(), "the header is on line 400,001");
    }

    @Test
    void tenMegabytesOfBlankLinesIsAnEmptyFile() {
        RigCsv.UnreadableException e = refused("\r\n".repeat(TEN_MB / 2));
        assertTrue(e.getMessage().contains("The file is empty"), e.getMessage());
    }

    @Test
    void tenMegabytesOfRowsIsRefusedAtTheRowLimit() {
        RigCsv.UnreadableException e = refused(RigCsvTest.HEADER + ROW.repeat(TEN_MB / ROW.length()));
        assertEquals(1, e.errors.size());
        assertEquals(10_002, e.errors.get(0).line(), "refused at the first row over the limit");
        assertTrue(e.getMessage().contains("more than 10,000 rows"), e.getMessage());
    }

    @Test
    void tenMegabytesOfBadRowsListsAHundredProblemsAndCountsTheRest() {
        RigCsv.UnreadableException e = refused(RigCsvTest.HEADER + "a,b\n".repeat(9_000));
        assertEquals(RigCsv.MAX_REPORTED + 1, e.errors.size());
        assertEquals("Line 2: Expected 8 cells, found 2. Quote cells that contain a comma.", e.errors.get(0).toString());
        assertTrue(e.errors.get(RigCsv.MAX_REPORTED).message().contains("8,900 more problems"),
                e.errors.get(RigCsv.MAX_REPORTED).message());
        // Too many rows still wins, bad or not.
        RigCsv.UnreadableException many = refused(RigCsvTest.HEADER + "a,b\n".repeat(TEN_MB / 4));
        assertTrue(many.getMessage().contains("more than 10,000 rows"), many.getMessage());
    }

    @Test
    void oneLineOfTenMillionCommas() {
        RigCsv.UnreadableException header = refused(",".repeat(TEN_MB));
        assertTrue(header.getMessage().contains("10,485,761 cells"), header.getMessage());
        RigCsv.UnreadableException row = refused(RigCsvTest.HEADER + ",".repeat(TEN_MB - 100));
        assertTrue(row.getMessage().contains("Expected 8 cells, found 10,485,661"), row.getMessage());
    }

    @Test
    void oneCellOfTenMegabytesIsNotEchoedBack() {
        RigCsv.UnreadableException e = refused("x".repeat(TEN_MB));
        assertTrue(e.errors.stream().allMatch(err -> err.message().length() < 300), "messages stay short");
        RigCsv.UnreadableException quoted = refused("\"" + "\"\"".repeat(TEN_MB / 2 - 1));
        assertTrue(quoted.getMessage().contains("never closed"), quoted.getMessage());
    }
}
