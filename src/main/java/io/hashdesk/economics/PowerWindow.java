package io.hashdesk.economics;

import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;

/**
 * A site's electricity prices over a window of time (24 hours, or one part of a day split by a
 * retarget or the halving, or a ledger day of 23 or 25 hours), reduced to price levels (ascending) with the
 * hours spent at each, so a rig group's cost, with or without curtailment, is a short sum.
 */
final class PowerWindow {

    static final double HOURS = 24.0;

    /** Distinct prices, ascending. */
    final double[] rates;
    /** Hours of the window at each price. */
    final double[] hours;
    /** Sum of rate * hours over the whole window (USD per kW of draw). */
    final double rateHours;
    /** Hours in the window (24 for a whole day). */
    final double length;

    private PowerWindow(double[] rates, double[] hours, double length) {
        this.rates = rates;
        this.hours = hours;
        this.length = length;
        double sum = 0;
        for (int i = 0; i < rates.length; i++) {
            sum += rates[i] * hours[i];
        }
        this.rateHours = sum;
    }

    static PowerWindow flat(double usdPerKwh) {
        return flat(usdPerKwh, HOURS);
    }

    static PowerWindow flat(double usdPerKwh, double hours) {
        return new PowerWindow(new double[] { usdPerKwh }, new double[] { hours }, hours);
    }

    /** Sum of rate * hours over the levels priced at or below {@code threshold}; hours go to {@code out[0]}. */
    double rateHoursAtOrBelow(double threshold, double[] outHours) {
        double sum = 0;
        double h = 0;
        for (int i = 0; i < rates.length && rates[i] <= threshold; i++) {
            sum += rates[i] * hours[i];
            h += hours[i];
        }
        outHours[0] = h;
        return sum;
    }

    /** The windows of one site, computed once per distinct position in the week. */
    static final class Source {
        private final double[] weekly;
        private final ZoneRules rules;
        private final PowerWindow flat;
        // Windows by position in the (local) week; a projection stepping by whole days meets few of them.
        private final long[] cacheKeys = new long[64];
        private final long[] cacheChanges = new long[64];
        private final PowerWindow[] cacheValues = new PowerWindow[64];
        private int cached;

        Source(SiteTerms site) {
            this.rules = site.zone().getRules();
            if (site.tariff() instanceof FlatTariff f) {
                this.flat = flat(f.usdPerKwh());
                this.weekly = null;
            } else {
                TimeOfUseTariff tou = (TimeOfUseTariff) site.tariff();
                this.weekly = tou.weeklyRates();
                this.flat = null;
            }
        }

        /**
         * Any stretch of time [from, end), in seconds: a part of a day split by a retarget or the halving, or a
         * ledger day of 23 or 25 hours. Not cached (such windows are rare).
         */
        PowerWindow window(long from, long end) {
            if (end - from == 86_400) {
                return window(from);
            }
            if (flat != null) {
                return flat(flat.rates[0], (end - from) / 3600.0);
            }
            return compute(from, end);
        }

        /** The 24 hours starting at {@code epochSecond}. */
        PowerWindow window(long epochSecond) {
            if (flat != null) {
                return flat;
            }
            locate(epochSecond);
            long end = epochSecond + 86_400;
            // The prices depend only on the position in the (local) week, and for a window with a clock
            // change on where the change falls and the offsets around it: both recur, so windows are cached.
            long weekPosition = Math.floorMod(epochSecond + currentOffset, 604_800L);
            long change = 0;
            if (end > validUntil) {
                int after = rules.getOffset(Instant.ofEpochSecond(validUntil)).getTotalSeconds();
                change = ((validUntil - epochSecond + 1) << 40) | ((currentOffset + 100_000L) << 20)
                        | (after + 100_000L);
            }
            for (int i = 0; i < cached; i++) {
                if (cacheKeys[i] == weekPosition && cacheChanges[i] == change) {
                    return cacheValues[i];
                }
            }
            PowerWindow w = compute(epochSecond, end);
            if (cached < cacheKeys.length) {
                cacheKeys[cached] = weekPosition;
                cacheChanges[cached] = change;
                cacheValues[cached++] = w;
            }
            return w;
        }

        // The zone offset in force from validFrom until the next clock change (queries move forward in time).
        private long validFrom = Long.MAX_VALUE;
        private long validUntil = Long.MIN_VALUE;
        private int currentOffset;

        private void locate(long epochSecond) {
            if (epochSecond >= validFrom && epochSecond < validUntil) {
                return;
            }
            Instant at = Instant.ofEpochSecond(epochSecond);
            currentOffset = rules.getOffset(at).getTotalSeconds();
            ZoneOffsetTransition next = rules.nextTransition(at);
            validFrom = epochSecond;
            validUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        }

        // Scratch space for compute(): a Source serves one run on one thread.
        private final double[] byHourOfWeek = new double[168];
        private final double[] levelRates = new double[168];
        private final double[] levelHours = new double[168];

        /** Hours at each price over [from, end), walking local hours and any clock change between them. */
        private PowerWindow compute(long from, long end) {
            Arrays.fill(byHourOfWeek, 0);
            long t = from;
            while (t < end) {
                locate(t);
                int offset = currentOffset;
                long local = t + offset;
                long nextLocalHour = Math.floorDiv(local, 3600) * 3600 + 3600;
                long slotEnd = Math.min(Math.min(end, nextLocalHour - offset), validUntil);
                if (slotEnd <= t) {
                    slotEnd = Math.min(end, t + 3600);
                }
                byHourOfWeek[hourOfWeek(local)] += (slotEnd - t) / 3600.0;
                t = slotEnd;
            }
            // Collapse to distinct prices (a tariff has a handful), then order them ascending.
            int n = 0;
            for (int i = 0; i < 168; i++) {
                if (byHourOfWeek[i] <= 0) {
                    continue;
                }
                double rate = weekly[i];
                int k = 0;
                while (k < n && levelRates[k] != rate) {
                    k++;
                }
                if (k == n) {
                    levelRates[n] = rate;
                    levelHours[n++] = 0;
                }
                levelHours[k] += byHourOfWeek[i];
            }
            for (int i = 1; i < n; i++) {
                double r = levelRates[i];
                double h = levelHours[i];
                int j = i - 1;
                while (j >= 0 && levelRates[j] > r) {
                    levelRates[j + 1] = levelRates[j];
                    levelHours[j + 1] = levelHours[j];
                    j--;
                }
                levelRates[j + 1] = r;
                levelHours[j + 1] = h;
            }
            return new PowerWindow(Arrays.copyOf(levelRates, n), Arrays.copyOf(levelHours, n), (end - from) / 3600.0);
        }

        /** Monday 00:00 local = 0; 1970-01-01 was a Thursday. */
        private static int hourOfWeek(long localEpochSecond) {
            long days = Math.floorDiv(localEpochSecond, 86_400L);
            int dayIndex = (int) Math.floorMod(days + 3, 7L);
            int hour = (int) (Math.floorMod(localEpochSecond, 86_400L) / 3600);
            return dayIndex * 24 + hour;
        }
    }
}
