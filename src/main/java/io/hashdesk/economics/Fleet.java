package io.hashdesk.economics;

import java.util.List;

/** An operator's sites and the rig groups they host. */
public record Fleet(List<SiteTerms> sites, List<RigGroupSpec> groups) {

    public Fleet {
        sites = List.copyOf(sites);
        groups = List.copyOf(groups);
        for (RigGroupSpec g : groups) {
            if (g.siteIndex() < 0 || g.siteIndex() >= sites.size()) {
                throw new IllegalArgumentException("rig group " + g.id() + " refers to a missing site");
            }
        }
    }

    /** Per group, its share of its site's daily hosting fee (by nameplate power draw). */
    double[] hostingPerDayShares() {
        double[] siteDraw = new double[sites.size()];
        for (RigGroupSpec g : groups) {
            siteDraw[g.siteIndex()] += g.nameplateWatts();
        }
        double[] shares = new double[groups.size()];
        for (int i = 0; i < shares.length; i++) {
            RigGroupSpec g = groups.get(i);
            double draw = siteDraw[g.siteIndex()];
            shares[i] = draw > 0 ? sites.get(g.siteIndex()).hostingUsdPerDay() * g.nameplateWatts() / draw : 0;
        }
        return shares;
    }
}
