package io.hashdesk.economics;

/**
 * One rig group's constants for a run (hashrate after uptime, energy per hour after overhead, fees,
 * hosting share) and the day formula of docs/economics.md, shared by today's figures and the projection.
 */
final class GroupModel {

    static final int BTC = 0, REVENUE = 1, POOL_FEE = 2, POWER = 3, HOSTING = 4, PROFIT = 5, HOURS = 6,
            SWITCH_OFF = 7, FULL_POWER = 8, FULL_MARGIN = 9, DRAWN_KWH = 10, RUNNING_PROFIT = 11, SIZE = 12;

    final RigGroupSpec spec;
    final int site;
    /** H/s actually hashing (uptime applied). */
    final double hashrate;
    /** kWh drawn per hour of running (uptime and overhead applied). */
    final double kwhPerHour;
    final double poolFee;
    final double hostingPerDay;
    final boolean curtail;

    GroupModel(RigGroupSpec spec, SiteTerms site, double hostingPerDay) {
        this.spec = spec;
        this.site = spec.siteIndex();
        double uptime = site.uptimePercent() / 100;
        this.hashrate = spec.units() * spec.terahashPerUnit() * 1e12 * uptime;
        this.kwhPerHour = spec.units() * spec.wattsPerUnit() * uptime * site.powerOverhead() / 1000;
        this.poolFee = site.poolFeePercent() / 100;
        this.hostingPerDay = hostingPerDay;
        this.curtail = site.curtail();
    }

    static GroupModel[] of(Fleet fleet) {
        double[] hosting = fleet.hostingPerDayShares();
        GroupModel[] models = new GroupModel[fleet.groups().size()];
        for (int i = 0; i < models.length; i++) {
            RigGroupSpec g = fleet.groups().get(i);
            models[i] = new GroupModel(g, fleet.sites().get(g.siteIndex()), hosting[i]);
        }
        return models;
    }

    /**
     * One day of this group under an operating policy (docs/economics.md, "Operating policy").
     * <ul>
     * <li>Curtailing site: the group runs exactly the hours whose price is at or below what an hour of
     * hashing earns after the pool fee, under either policy; it is "switched off" only when no hour pays.</li>
     * <li>Otherwise it is "switched off" when the whole day's power costs more than it earns after the
     * pool fee; under {@link OperatingPolicy#SWITCH_OFF_WHEN_LOSING} it then runs zero hours, under
     * {@link OperatingPolicy#KEEP_RUNNING} it runs all day anyway.</li>
     * </ul>
     * Hosting is charged whether or not the group runs.
     *
     * <p>The window may be a part of a day (split by a retarget or the halving: each part is decided on its
     * own, see {@link #parts}) or a day of 23 or 25 hours; the figures are then for that stretch of time.
     *
     * @param btcPerHash BTC earned per H/s hashed over the window
     * @param usdPerHash USD earned per H/s over the window (price folded in)
     * @param hostingFraction share of a day's hosting to charge (1 for a whole day)
     */
    void day(double btcPerHash, double usdPerHash, PowerWindow power, double hostingFraction, OperatingPolicy policy,
            double[] out, double[] scratch) {
        double btcFull = hashrate * btcPerHash;
        double revenueFull = hashrate * usdPerHash;
        double marginFull = revenueFull * (1 - poolFee);
        double powerFull = kwhPerHour * power.rateHours;
        boolean switchOff;
        double cost;
        double hours;
        if (curtail) {
            cost = curtailedCost(marginFull, power, scratch);
            hours = scratch[0];
            switchOff = hours == 0;
        } else {
            switchOff = marginFull < powerFull;
            boolean runs = !switchOff || policy == OperatingPolicy.KEEP_RUNNING;
            cost = runs ? powerFull : 0;
            hours = runs ? power.length : 0;
        }
        double fraction = hours / power.length;
        double btc = btcFull * fraction;
        double revenue = revenueFull * fraction;
        double fee = revenue * poolFee;
        double hosting = hostingPerDay * hostingFraction;
        out[BTC] = btc;
        out[REVENUE] = revenue;
        out[POOL_FEE] = fee;
        out[POWER] = cost;
        out[HOSTING] = hosting;
        out[PROFIT] = revenue - fee - cost - hosting;
        out[HOURS] = hours;
        out[SWITCH_OFF] = switchOff ? 1 : 0;
        out[FULL_POWER] = powerFull;
        out[FULL_MARGIN] = marginFull;
        out[DRAWN_KWH] = kwhPerHour * hours;
        // What the day makes if the group runs (its paying hours at a curtailing site), whatever the policy.
        out[RUNNING_PROFIT] = curtail ? out[PROFIT] : marginFull - powerFull - hosting;
    }

    /**
     * A day split by retargets or the halving (ECONOMICS.md: "for each day segment and group"): each part is
     * decided on its own under the policy, and the parts are summed into {@code out}. The group counts as
     * switched off for the day when it is off in any part.
     */
    void parts(Projection.Split split, OperatingPolicy policy, double[] out, double[] part, double[] scratch) {
        java.util.Arrays.fill(out, 0);
        for (int p = 0; p < split.count; p++) {
            day(split.btcPerHash[p], split.usdPerHash[p], split.windows[site][p], split.dayFraction[p], policy, part,
                    scratch);
            for (int k = 0; k < SIZE; k++) {
                out[k] = k == SWITCH_OFF ? Math.max(out[k], part[k]) : out[k] + part[k];
            }
        }
    }

    /**
     * At a curtailing site: the power cost of the hours whose price is at or below what an hour earns
     * after the pool fee; those hours go to {@code scratch[0]}. A method of its own so that {@link #day}
     * stays small enough for the JIT to inline into the projection's loop (325 bytes of bytecode at most).
     */
    private double curtailedCost(double marginFull, PowerWindow power, double[] scratch) {
        double energyFull = kwhPerHour * power.length;
        double threshold = energyFull > 0 ? marginFull / energyFull : Double.POSITIVE_INFINITY;
        return kwhPerHour * power.rateHoursAtOrBelow(threshold, scratch);
    }
}
