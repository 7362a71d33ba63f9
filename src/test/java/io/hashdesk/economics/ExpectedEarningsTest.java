package io.hashdesk.economics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The reconciliation formulas against the worked example of docs/economics.md. */
class ExpectedEarningsTest {

    @Test
    void workedExampleOfTheReference() {
        // 100 S21 at 200 TH/s, uptime 97 %, pool fee 2 %, difficulty 1.4e14, subsidy 3.125 + fees 0.025 BTC.
        List<ExpectedEarnings.Stretch> day = ExpectedEarnings.wholeDay(1.4e14, 3.125 + 0.025);
        double expected = ExpectedEarnings.btc(100 * 200, 97, 2, day);
        assertThat(expected).isCloseTo(0.0086053, within(5e-8));
        double fullUptime = ExpectedEarnings.btc(100 * 200, 100, 2, day);
        assertThat(fullUptime).isCloseTo(0.0088714, within(5e-8));
        assertThat(ExpectedEarnings.percentOf(0.008175, expected)).isCloseTo(95.0, within(0.05));
        assertThat(ExpectedEarnings.percentOf(0.008175, fullUptime)).isCloseTo(92.15, within(0.005));
    }

    @Test
    void aRetargetInsideTheDaySplitsIt() {
        double before = 1.4e14;
        double after = before * 1.10;
        List<ExpectedEarnings.Stretch> split = List.of(new ExpectedEarnings.Stretch(6 * 3600, before, 3.15),
                new ExpectedEarnings.Stretch(18 * 3600, after, 3.15));
        double whole = ExpectedEarnings.btc(1000, 100, 0, ExpectedEarnings.wholeDay(before, 3.15));
        assertThat(ExpectedEarnings.btc(1000, 100, 0, split))
                .isCloseTo(whole * (0.25 + 0.75 / 1.10), within(1e-15));
    }

    @Test
    void nothingExpectedGivesNoPercentage() {
        assertThat(ExpectedEarnings.percentOf(0.001, 0)).isNaN();
    }
}
