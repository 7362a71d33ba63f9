package io.hashdesk.economics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Today's economics of each rig group and of the fleet, at the current difficulty and price. */
public final class RigEconomics {

    private RigEconomics() {
    }

    /** BTC per H/s per day at this difficulty and reward. */
    static double btcPerHashDay(double difficulty, double rewardBtc) {
        return 86400 * rewardBtc / (difficulty * Consensus.TWO_POW_32);
    }

    /** The 24 hours starting at {@code asOf}, with today's difficulty, reward and price throughout. */
    public static FleetToday today(Fleet fleet, NetworkState network, Instant asOf) {
        GroupModel[] models = GroupModel.of(fleet);
        PowerWindow.Source[] sources = new PowerWindow.Source[fleet.sites().size()];
        for (int s = 0; s < sources.length; s++) {
            sources[s] = new PowerWindow.Source(fleet.sites().get(s));
        }
        double a = btcPerHashDay(network.difficulty(), network.rewardPerBlockBtc());
        double b = a * network.priceUsd();
        double hashprice = network.hashpriceUsdPerThDay();
        double[] out = new double[GroupModel.SIZE];
        double[] scratch = new double[1];
        List<GroupToday> groups = new ArrayList<>(models.length);
        double hs = 0, watts = 0, kwh = 0, drawn = 0, btc = 0, rev = 0, fee = 0, power = 0, hosting = 0, profit = 0, btcNet = 0;
        for (GroupModel m : models) {
            PowerWindow window = sources[m.site].window(asOf.getEpochSecond());
            m.day(a, b, window, 1, OperatingPolicy.KEEP_RUNNING, out, scratch);
            groups.add(figures(m, window, out, hashprice, network.priceUsd()));
            hs += m.hashrate;
            watts += m.kwhPerHour * 1000;
            kwh += m.kwhPerHour * PowerWindow.HOURS;
            drawn += out[GroupModel.DRAWN_KWH];
            btc += out[GroupModel.BTC];
            btcNet += out[GroupModel.BTC] * (1 - m.poolFee);
            rev += out[GroupModel.REVENUE];
            fee += out[GroupModel.POOL_FEE];
            power += out[GroupModel.POWER];
            hosting += out[GroupModel.HOSTING];
            profit += out[GroupModel.PROFIT];
        }
        return new FleetToday(List.copyOf(groups), hs, watts, kwh, btc, rev, fee, power, hosting, profit, hashprice,
                btcNet > 0 ? (power + hosting) / btcNet : Double.NaN, rev > 0 ? profit / rev * 100 : Double.NaN, drawn);
    }

    /**
     * Today's figures for a group being filled in at a site, beside the groups already there: they
     * share the site's hosting fee by nameplate power, as they will once the group is saved. This is
     * the rig form's live preview.
     *
     * @param others the groups already at the site (without the one being edited)
     */
    public static GroupToday preview(SiteTerms site, List<RigGroupSpec> others, RigGroupSpec group,
            NetworkState network, Instant asOf) {
        List<RigGroupSpec> groups = new ArrayList<>(others.size() + 1);
        for (RigGroupSpec o : others) {
            groups.add(new RigGroupSpec(o.id(), 0, o.units(), o.terahashPerUnit(), o.wattsPerUnit(), o.purchaseUsd()));
        }
        groups.add(new RigGroupSpec(group.id(), 0, group.units(), group.terahashPerUnit(), group.wattsPerUnit(),
                group.purchaseUsd()));
        List<GroupToday> today = today(new Fleet(List.of(site), groups), network, asOf).groups();
        return today.get(today.size() - 1);
    }

    private static GroupToday figures(GroupModel m, PowerWindow window, double[] out, double hashprice, double price) {
        double energyFull = m.kwhPerHour * PowerWindow.HOURS;
        double marginFull = out[GroupModel.FULL_MARGIN];
        double powerFull = out[GroupModel.FULL_POWER];
        double breakeven = energyFull > 0 ? (marginFull - m.hostingPerDay) / energyFull : Double.NaN;
        double shutdownRate = energyFull > 0 ? marginFull / energyFull : Double.NaN;
        double netBtcFull = m.hashrate > 0 && m.poolFee < 1 ? marginFull / price : 0;
        // The price below which the group should be off: a curtailing group comes back on as soon as its
        // cheapest hour pays (it then runs those hours), any other group when the whole day's power is covered.
        double threshold = m.curtail ? energyFull * window.rates[0] : powerFull;
        double shutdownPrice = netBtcFull > 0 ? threshold / netBtcFull : Double.NaN;
        double netBtc = out[GroupModel.BTC] * (1 - m.poolFee);
        double costPerBtc = netBtc > 0 ? (out[GroupModel.POWER] + out[GroupModel.HOSTING]) / netBtc : Double.NaN;
        double profit = out[GroupModel.PROFIT];
        Double purchase = m.spec.purchaseUsd();
        // One rule with the projection: no purchase cost (null or 0) means no payback figure.
        double payback = purchase != null && purchase > 0 && profit > 0 ? purchase / profit : Double.NaN;
        return new GroupToday(m.spec.id(), m.hashrate, energyFull, out[GroupModel.BTC], out[GroupModel.REVENUE],
                out[GroupModel.POOL_FEE], out[GroupModel.POWER], out[GroupModel.HOSTING], profit,
                out[GroupModel.HOURS], out[GroupModel.SWITCH_OFF] != 0, hashprice, m.spec.efficiencyJPerTh(),
                breakeven, shutdownRate, shutdownPrice, costPerBtc, payback, out[GroupModel.DRAWN_KWH]);
    }
}
