package io.hashdesk.earnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.hashdesk.economics.ExpectedEarnings;
import io.hashdesk.economics.ExpectedEarnings.Stretch;

/**
 * A halving inside a UTC day splits the day's expectation at the halving block's time, as a retarget
 * does (docs/economics.md): before the fix the whole day was paid at the subsidy of its start.
 */
class HalvingDayTest {

    static final LocalDate DAY = LocalDate.of(2028, 4, 12);
    static final long START = DAY.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    static final double D = 1.4e14;
    static final double FEES = 0.025;

    @Test
    void aHalvingAtEightSplitsTheDayEightHoursAtTheOldSubsidySixteenAtTheNew() {
        var day = new NetworkHistory.Day(D, null, null, 1_049_950, FEES, 90_000.0,
                Instant.ofEpochSecond(START + 8 * 3600));
        assertThat(Expectations.stretches(DAY, day)).containsExactly(new Stretch(8 * 3600, D, 3.125 + FEES),
                new Stretch(16 * 3600, D, 1.5625 + FEES));
        // 100 x 200 TH/s at 97 %, 2 % fee: the worked example's 0.0086053 BTC for a third of the day, then
        // two thirds at (1.5625 + 0.025) / 3.15 of it.
        double btc = ExpectedEarnings.btc(20_000, 97, 2, Expectations.stretches(DAY, day));
        assertThat(btc).isCloseTo(0.0086053 * (1.0 / 3 + 2.0 / 3 * 1.5875 / 3.15), within(5e-8));
    }

    @Test
    void aRetargetAndAHalvingInOneDayMakeThreeStretches() {
        var day = new NetworkHistory.Day(D, Instant.ofEpochSecond(START + 6 * 3600), 1.54e14, 1_049_950, FEES, null,
                Instant.ofEpochSecond(START + 20 * 3600));
        assertThat(Expectations.stretches(DAY, day)).containsExactly(new Stretch(6 * 3600, D, 3.125 + FEES),
                new Stretch(14 * 3600, 1.54e14, 3.125 + FEES), new Stretch(4 * 3600, 1.54e14, 1.5625 + FEES));
    }

    /**
     * mempool's answers: a retarget at height 1,048,320 from which the 600 s estimate runs late. A proxy,
     * not a class implementing the client: Quarkus would take such a class for a resource (and a bean).
     */
    static MempoolHistoryClient mempool(Function<Long, String> blocks) {
        return (MempoolHistoryClient) Proxy.newProxyInstance(HalvingDayTest.class.getClassLoader(),
                new Class<?>[] { MempoolHistoryClient.class }, (proxy, method, args) -> switch (method.getName()) {
                    // 1,680 blocks before DAY's start at 600 s would put 1,050,000 at DAY + 1 day 00:00 or so.
                    case "difficultyAdjustments" -> "[[" + (START - 1_680L * 600 + 86_400) + ", 1048320, " + D + ", 1.5]]";
                    case "historicalPrice" -> "{\"prices\": [{\"time\": " + args[1] + ", \"USD\": 90000}]}";
                    case "blocks" -> blocks.apply((Long) args[0]);
                    case "blockFees" -> fees();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static String fees() {
        StringBuilder b = new StringBuilder("[");
        for (int i = -2; i <= 2; i++) {
            b.append(i == -2 ? "" : ", ").append("{\"avgHeight\": 1049000, \"timestamp\": ")
                    .append(START + i * 86_400L + 3600).append(", \"avgFees\": 2500000}");
        }
        return b.append("]").toString();
    }

    @Test
    void historyMarksTheDayOfTheHalvingBlockAndPutsTheDaysAroundItOnTheirSide() {
        // The halving block came at 08:00 on DAY, although the 600 s estimate puts it a day later.
        long halvingTime = START + 8 * 3600;
        AtomicInteger blockCalls = new AtomicInteger();
        MempoolHistoryClient mempool = mempool(height -> {
            blockCalls.incrementAndGet();
            return "[{\"id\": \"00\", \"height\": " + height + ", \"timestamp\": " + halvingTime + "},"
                    + " {\"id\": \"01\", \"height\": " + (height - 1) + ", \"timestamp\": " + (halvingTime - 500) + "}]";
        });
        TreeSet<LocalDate> days = new TreeSet<>(List.of(DAY.minusDays(1), DAY, DAY.plusDays(1)));
        Map<LocalDate, NetworkHistory.Day> read = HistoryReader.read(mempool, days);
        assertThat(read.get(DAY).halvingAt()).isEqualTo(Instant.ofEpochSecond(START + 8 * 3600));
        assertThat(read.get(DAY).height()).isLessThan(1_050_000);
        assertThat(read.get(DAY.minusDays(1)).halvingAt()).isNull();
        assertThat(read.get(DAY.minusDays(1)).height()).isLessThan(1_050_000);
        assertThat(read.get(DAY.plusDays(1)).halvingAt()).isNull();
        assertThat(read.get(DAY.plusDays(1)).height()).isGreaterThanOrEqualTo(1_050_000); // the new subsidy all day
        assertThat(Expectations.stretches(DAY.plusDays(1), read.get(DAY.plusDays(1))))
                .containsExactly(new Stretch(86_400, D, 1.5625 + FEES));
        assertThat(blockCalls.get()).isEqualTo(1);
    }

    @Test
    void aHalvingNotMinedYetLeavesTheOldSubsidy() {
        MempoolHistoryClient mempool = mempool(
                height -> "[{\"id\": \"01\", \"height\": " + (height - 1_000) + ", \"timestamp\": " + START + "}]");
        Map<LocalDate, NetworkHistory.Day> read = HistoryReader.read(mempool, new TreeSet<>(List.of(DAY.plusDays(1))));
        assertThat(read.get(DAY.plusDays(1)).height()).isLessThan(1_050_000);
        assertThat(read.get(DAY.plusDays(1)).halvingAt()).isNull();
    }
}
