package io.hashdesk.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.hashdesk.web.Formats;
import io.quarkus.qute.TemplateData;

/**
 * The past week as earned (docs/economics.md, "The weekly mail's past week"): on a recorded ledger day
 * whose pool day a pool account reported, what the pools credited replaces the modelled revenue (after
 * the model's pool fee) of the rigs the reporting accounts cover, all of them when one covers the whole
 * fleet; power and hosting stay as recorded. A day no pool reported stays modelled. A ledger day (the
 * operator's calendar) takes the UTC day of the pools that overlaps it most: the one holding its noon.
 */
@TemplateData
public final class PastEarned {

    public static final String CREDITED = "credited";
    public static final String PARTLY = "partly credited";
    public static final String MODELLED = "modelled";

    /** A pool account: its id and the site it covers (null: the whole fleet). */
    public record Account(long id, Long siteId) {
    }

    /** What one account credited for one UTC day, BTC after the pool's fee. */
    public record Credit(long poolId, LocalDate utcDate, double btc) {
    }

    /**
     * One recorded ledger day.
     *
     * @param poolDate the pools' UTC day it takes
     * @param basis {@link #CREDITED}, {@link #PARTLY} or {@link #MODELLED}
     * @param creditedUsd the credited BTC at the pool day's price (the ledger day's own when none is stored)
     * @param sites the names of the sites the reporting accounts cover (empty: the whole fleet, or none)
     * @param earnedUsd the ledger's profit with the covered modelled revenue replaced by the credited
     */
    @TemplateData
    public record Day(LocalDate date, LocalDate poolDate, String basis, double creditedBtc, double creditedUsd,
            List<String> sites, double earnedUsd) {

        public boolean credited() {
            return !MODELLED.equals(basis);
        }

        public boolean partly() {
            return PARTLY.equals(basis);
        }

        /** "Prairie, Downtown". */
        public String siteNames() {
            return String.join(", ", sites);
        }
    }

    private final Map<LocalDate, Day> days = new HashMap<>();
    private final List<Day> inOrder = new ArrayList<>();
    private final String poolDayStart;
    private double earnedUsd;
    private double earned;

    private PastEarned(String poolDayStart) {
        this.poolDayStart = poolDayStart;
    }

    /**
     * The operator's recorded days as earned.
     *
     * @param pricesUsd the stored BTC price of each UTC day (days without one take the ledger day's price)
     * @param money the days' display currency, each at its own rate
     */
    public static PastEarned of(List<Ledger.Day> ledgerDays, List<Account> accounts, List<Credit> credits,
            Map<LocalDate, Double> pricesUsd, LedgerMoney money, ZoneId zone) {
        Map<Long, Account> byId = new HashMap<>();
        accounts.forEach(a -> byId.put(a.id(), a));
        Map<LocalDate, List<Credit>> byDate = new HashMap<>();
        for (Credit c : credits) {
            if (byId.containsKey(c.poolId())) {
                byDate.computeIfAbsent(c.utcDate(), k -> new ArrayList<>()).add(c);
            }
        }
        LocalDate last = ledgerDays.isEmpty() ? LocalDate.now(zone) : ledgerDays.get(ledgerDays.size() - 1).date();
        PastEarned out = new PastEarned(poolDayStart(last, zone));
        for (Ledger.Day d : ledgerDays) {
            LedgerDay r = d.recorded();
            if (r == null) {
                continue;
            }
            LocalDate poolDate = poolDate(d.date(), Formats.zoneOf(r.timezone));
            Day day = day(d, r, poolDate, byDate.getOrDefault(poolDate, List.of()), byId,
                    pricesUsd.getOrDefault(poolDate, r.priceUsd));
            out.days.put(d.date(), day);
            out.inOrder.add(day);
            out.earnedUsd += day.earnedUsd();
            out.earned += money.at(d).fromUsd(day.earnedUsd());
        }
        return out;
    }

    private static Day day(Ledger.Day d, LedgerDay r, LocalDate poolDate, List<Credit> reported, Map<Long, Account> byId,
            double priceUsd) {
        if (reported.isEmpty()) {
            return new Day(d.date(), poolDate, MODELLED, 0, 0, List.of(), r.profitUsd);
        }
        boolean wholeFleet = false;
        Set<Long> covered = new HashSet<>();
        double btc = 0;
        for (Credit c : reported) {
            Long site = byId.get(c.poolId()).siteId();
            wholeFleet |= site == null;
            covered.add(site);
            btc += c.btc();
        }
        double revenue = wholeFleet ? r.revenueUsd : 0;
        double fee = wholeFleet ? r.poolFeeUsd : 0;
        boolean uncoveredRevenue = false;
        List<String> names = new ArrayList<>();
        for (LedgerSite s : d.sites()) {
            if (wholeFleet) {
                continue;
            }
            if (covered.contains(s.siteId())) {
                revenue += s.revenueUsd();
                fee += s.poolFeeUsd();
                names.add(s.name());
            } else if (s.revenueUsd() > 0) {
                uncoveredRevenue = true;
            }
        }
        double creditedUsd = btc * priceUsd;
        return new Day(d.date(), poolDate, uncoveredRevenue ? PARTLY : CREDITED, btc, creditedUsd,
                wholeFleet ? List.of() : List.copyOf(names), r.profitUsd - (revenue - fee) + creditedUsd);
    }

    /** The UTC day that overlaps the local day most: the one holding its noon. */
    static LocalDate poolDate(LocalDate date, ZoneId zone) {
        return date.atTime(LocalTime.NOON).atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    /** When the pools' day of {@code date} starts in the zone: "00:00", "18:00 the day before". */
    static String poolDayStart(LocalDate date, ZoneId zone) {
        Instant start = poolDate(date, zone).atStartOfDay(ZoneOffset.UTC).toInstant();
        ZonedDateTime local = start.atZone(zone);
        String time = String.format("%02d:%02d", local.getHour(), local.getMinute());
        int shift = local.toLocalDate().compareTo(date);
        return shift < 0 ? time + " the day before" : shift > 0 ? time + " the day after" : time;
    }

    /** The day's figures; null for a day not recorded. */
    public Day day(Ledger.Day d) {
        return days.get(d.date());
    }

    /** The recorded days, oldest first. */
    public List<Day> days() {
        return inOrder;
    }

    /** The week's profit as earned, USD (each day's). */
    public double totalUsd() {
        return earnedUsd;
    }

    /** The same in the display currency, each day at its own rate. */
    public double total() {
        return earned;
    }

    public long creditedCount() {
        return inOrder.stream().filter(Day::credited).count();
    }

    public long modelledCount() {
        return inOrder.size() - creditedCount();
    }

    /** "4 days credited by your pool, 1 modelled". */
    public String counts() {
        long n = creditedCount();
        return n + (n == 1 ? " day" : " days") + " credited by your pool, " + modelledCount() + " modelled";
    }

    /** "Mon 23 Nov, Tue 24 Nov" or "none". */
    public String creditedDays() {
        return list(true);
    }

    public String modelledDays() {
        return list(false);
    }

    private String list(boolean credited) {
        List<String> out = new ArrayList<>();
        for (Day d : inOrder) {
            if (d.credited() == credited) {
                out.add(SummaryFormats.weekday(d.date()));
            }
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    /** When a pool's UTC day starts in the operator's zone, e.g. "18:00 the day before". */
    public String poolDayStart() {
        return poolDayStart;
    }
}
