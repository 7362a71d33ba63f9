package io.hashdesk.economics;

import java.lang.management.ManagementFactory;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * The projection of a large fleet: 1,000 rig groups across 10 sites (flat and time-of-use tariffs,
 * some curtailing), 730 days. Run with {@code ./mvnw -Pbench -DskipTests verify}. Prints the time
 * per projection on the calling thread (one core) and the bytes it allocates, at 365 and 730 days,
 * so the growth with the horizon can be compared with the size of the output series. The projection
 * runs under the default policy ("switch off when losing") and keeps every group's daily series
 * (target: under 15 ms at 730 days); at 730 days also without them (each group's totals only: what
 * the JSON answers without {@code groups=daily} and most pages need). Then the price risk: 1,000
 * price paths for the same fleet over 730 days with the policy, fleet bands and every group's
 * payback (target: under 1 s).
 */
public final class ProjectionBenchmark {

    public static void main(String[] args) {
        Fleet fleet = largeFleet(10, 1000);
        Instant asOf = Instant.parse("2026-02-09T13:20:00Z");
        NetworkState net = new NetworkState(71_000, 1.255e14, 935_500, 0.025, -14, 935_424 + 2016,
                asOf.plusSeconds(9L * 86_400));
        for (int days : new int[] { 365, 730 }) {
            measure(fleet, net, new Scenario("bench", days, -2, 3, null), asOf, Projection.GroupDetail.DAILY);
        }
        measure(fleet, net, new Scenario("bench", 730, -2, 3, null), asOf, Projection.GroupDetail.TOTALS);
        measure(fleet, net, new Scenario("bench", 730, -2, 3, null, OperatingPolicy.KEEP_RUNNING), asOf,
                Projection.GroupDetail.DAILY);
        measureRisk(fleet, net, new Scenario("bench", 730, -2, 3, null), asOf);
    }

    private static void measureRisk(Fleet fleet, NetworkState net, Scenario scenario, Instant asOf) {
        PriceRisk.Options options = new PriceRisk.Options(1000, 55, 1);
        double sink = 0;
        for (int i = 0; i < 5; i++) {
            sink += PriceRisk.run(fleet, net, scenario, asOf, options).probabilityPositive(); // warm-up
        }
        int runs = 10;
        long[] nanos = new long[runs];
        long[] cpu = new long[runs];
        var threads = ManagementFactory.getThreadMXBean();
        int paying = 0;
        for (int i = 0; i < runs; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            PriceRisk.Result r = PriceRisk.run(fleet, net, scenario, asOf, options);
            nanos[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
            sink += r.cumulativeP50()[scenario.days() - 1];
            paying = (int) r.groups().stream().filter(g -> !Double.isNaN(g.paybackProbability())).count();
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT,
                "price risk %d paths x %d groups (%d with a purchase cost) x %d days, %s: median %.0f ms, best %.0f ms"
                        + " wall; median %.0f ms, best %.0f ms CPU on this thread [checksum %.1f]%n",
                options.paths(), fleet.groups().size(), paying, scenario.days(), scenario.policy().label(),
                nanos[runs / 2] / 1e6, nanos[0] / 1e6, cpu[runs / 2] / 1e6, cpu[0] / 1e6, sink);
    }

    private static void measure(Fleet fleet, NetworkState net, Scenario scenario, Instant asOf,
            Projection.GroupDetail detail) {
        for (int i = 0; i < 300; i++) {
            Projection.run(fleet, net, scenario, asOf, detail); // warm-up: let the JIT compile the day loop
        }
        int runs = 200;
        long[] nanos = new long[runs];
        long[] cpu = new long[runs];
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long allocated = 0;
        double sink = 0;
        for (int i = 0; i < runs; i++) {
            long a0 = threads.getThreadAllocatedBytes(tid);
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            ProjectionResult r = Projection.run(fleet, net, scenario, asOf, detail);
            nanos[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
            allocated += threads.getThreadAllocatedBytes(tid) - a0;
            sink += r.totals().profitUsd();
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        // Fleet series (doubles) and every group's series (three floats a group-day) when kept.
        boolean series = detail == Projection.GroupDetail.DAILY;
        long outputBytes = (long) scenario.days() * 8 * (10 + fleet.sites().size()) + scenario.days() * 4L
                + (series ? 12L * scenario.days() * fleet.groups().size() : 0);
        System.out.printf(Locale.ROOT,
                "projection %d groups x %d sites x %d days (%s, %s): median %.2f ms, p90 %.2f ms, best %.2f ms;"
                        + " CPU on this thread median %.2f ms; allocated %.0f KB per run (output series %.0f KB)"
                        + " [checksum %.1f]%n",
                fleet.groups().size(), fleet.sites().size(), scenario.days(), scenario.policy().label(),
                series ? "per-group series" : "per-group totals only", nanos[runs / 2] / 1e6,
                nanos[runs * 9 / 10] / 1e6, nanos[0] / 1e6, cpu[runs / 2] / 1e6, allocated / (double) runs / 1024, outputBytes / 1024.0,
                sink / runs);
    }

    /** Sites alternate flat, time-of-use, curtailing; groups cycle through common machines. */
    static Fleet largeFleet(int siteCount, int groupCount) {
        List<SiteTerms> sites = new ArrayList<>();
        String[] zones = { "UTC", "America/Chicago", "America/New_York", "Europe/Oslo", "Asia/Almaty" };
        for (int s = 0; s < siteCount; s++) {
            Tariff tariff = s % 2 == 0 ? new FlatTariff(0.045 + s * 0.002)
                    : new TimeOfUseTariff(List.of(
                            new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays("Mon-Fri"), 0, 7, 0.035),
                            new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays("Mon-Fri"), 7, 17, 0.06),
                            new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays("Mon-Fri"), 17, 21, 0.14),
                            new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays("Mon-Fri"), 21, 24, 0.05),
                            new TimeOfUseTariff.Band(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), 0, 24, 0.04)));
            sites.add(new SiteTerms(tariff, 1.05 + s * 0.01, 2, 20_000 + 1000 * s, 97, s % 3 == 1,
                    ZoneId.of(zones[s % zones.length])));
        }
        double[][] models = { { 95, 3250 }, { 110, 3250 }, { 140, 3010 }, { 200, 3500 }, { 234, 3510 }, { 270, 3645 },
                { 335, 5360 }, { 473, 5676 } };
        List<RigGroupSpec> groups = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            double[] m = models[g % models.length];
            groups.add(new RigGroupSpec(g + 1, g % siteCount, 10 + g % 90, m[0], m[1], g % 4 == 0 ? null : 2500.0 * (10 + g % 90)));
        }
        return new Fleet(sites, groups);
    }
}
