package io.hashdesk.economics;

/**
 * A number of identical machines at one site.
 *
 * @param siteIndex index of the site in {@link Fleet#sites()}
 * @param purchaseUsd what the whole group cost, or null when unknown
 */
public record RigGroupSpec(long id, int siteIndex, long units, double terahashPerUnit, double wattsPerUnit,
        Double purchaseUsd) {

    public RigGroupSpec {
        if (units < 1) {
            throw new IllegalArgumentException("units must be at least 1");
        }
        if (!(terahashPerUnit > 0) || !Double.isFinite(terahashPerUnit)) {
            throw new IllegalArgumentException("terahashPerUnit must be > 0");
        }
        if (!(wattsPerUnit > 0) || !Double.isFinite(wattsPerUnit)) {
            throw new IllegalArgumentException("wattsPerUnit must be > 0");
        }
        if (purchaseUsd != null && (!(purchaseUsd >= 0) || purchaseUsd.isInfinite())) {
            throw new IllegalArgumentException("purchaseUsd must be >= 0");
        }
    }

    /** Nameplate draw of the whole group, W (what hosting is shared by). */
    public double nameplateWatts() {
        return units * wattsPerUnit;
    }

    /** J/TH. */
    public double efficiencyJPerTh() {
        return wattsPerUnit / terahashPerUnit;
    }
}
