package io.hashdesk.economics;

/**
 * Assumptions for a projection.
 *
 * @param days horizon, 1..1500
 * @param priceDriftPercent BTC price change per 30 days, in percent (compounded)
 * @param hashrateGrowthPercent network hashrate change per 30 days, in percent (compounded)
 * @param feesPerBlockBtc fees per block, or null for the live 144-block average
 * @param policy how groups that lose at the margin are run (default {@link OperatingPolicy#SWITCH_OFF_WHEN_LOSING})
 */
public record Scenario(String name, int days, double priceDriftPercent, double hashrateGrowthPercent,
        Double feesPerBlockBtc, OperatingPolicy policy) {

    public static final int MAX_DAYS = 1500;
    public static final int DEFAULT_DAYS = 90;

    /** A scenario under the default policy, "switch off when losing". */
    public Scenario(String name, int days, double priceDriftPercent, double hashrateGrowthPercent,
            Double feesPerBlockBtc) {
        this(name, days, priceDriftPercent, hashrateGrowthPercent, feesPerBlockBtc,
                OperatingPolicy.SWITCH_OFF_WHEN_LOSING);
    }

    public Scenario {
        if (policy == null) {
            policy = OperatingPolicy.SWITCH_OFF_WHEN_LOSING;
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS);
        }
        if (!(priceDriftPercent >= -90 && priceDriftPercent <= 300)) {
            throw new IllegalArgumentException("priceDriftPercent must be between -90 and 300");
        }
        if (!(hashrateGrowthPercent >= -90 && hashrateGrowthPercent <= 300)) {
            throw new IllegalArgumentException("hashrateGrowthPercent must be between -90 and 300");
        }
        if (feesPerBlockBtc != null && !(feesPerBlockBtc >= 0 && feesPerBlockBtc <= 1000)) {
            throw new IllegalArgumentException("feesPerBlockBtc must be between 0 and 1000");
        }
    }

    /** Today's price and hashrate held for the horizon: only the next retarget and the halving change. */
    public static Scenario base(int days) {
        return new Scenario("base", days, 0, 0, null);
    }

    /** Price falls 10 % every 30 days while hashrate keeps growing 4 % (2022-style squeeze). */
    public static Scenario bear(int days) {
        return new Scenario("bear", days, -10, 4, null);
    }

    /** Price rises 8 % every 30 days and hashrate follows with 3 %. */
    public static Scenario bull(int days) {
        return new Scenario("bull", days, 8, 3, null);
    }

    public static Scenario preset(String name, int days) {
        return switch (name) {
            case "bear" -> bear(days);
            case "bull" -> bull(days);
            case "base" -> base(days);
            default -> throw new IllegalArgumentException("unknown preset: " + name);
        };
    }

    public Scenario withPolicy(OperatingPolicy p) {
        return new Scenario(name, days, priceDriftPercent, hashrateGrowthPercent, feesPerBlockBtc, p);
    }

    /** The same assumptions without the free-text name: what results depend on (cache keys). */
    public Scenario assumptions() {
        return "".equals(name) ? this
                : new Scenario("", days, priceDriftPercent, hashrateGrowthPercent, feesPerBlockBtc, policy);
    }
}
