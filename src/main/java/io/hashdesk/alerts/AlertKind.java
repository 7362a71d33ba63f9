package io.hashdesk.alerts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of rule an operator can set, with what their threshold means. Each kind is one
 * {@link RuleEvaluator}, so a new kind is a constant here and an evaluator, nothing else.
 */
public enum AlertKind {
    GROUP_SWITCH("group-switch", "Switch a group off or back on", null, false),
    PRICE_BELOW("price-below", "BTC price below", "", true),
    PRICE_ABOVE("price-above", "BTC price above", "", true),
    HASHPRICE_BELOW("hashprice-below", "Hashprice below", " per PH/s per day", true),
    FLEET_PROFIT_BELOW("fleet-profit-below", "Fleet profit below", " per day", true),
    DATA_STALE("data-stale", "No live network data for", "hours", false),
    ADJUSTMENT("adjustment", "Difficulty adjustment: a day before and once it lands", null, false),
    POOL_UNDERPAID("pool-underpaid", "A pool account credits less than expected over 3 days", "%", false),
    POOL_TOKEN_REFUSED("pool-token-refused", "A pool refuses an account's API token", null, false);

    /** Confirmations and margin of a new rule unless it says otherwise. */
    public static final int DEFAULT_CONFIRMATIONS = 2;
    public static final double DEFAULT_MARGIN_PERCENT = 1;
    public static final int DEFAULT_STALE_HOURS = 2;

    public final String code;
    public final String label;
    /**
     * The threshold's unit; null when the kind has no threshold. For a money kind, what follows the
     * currency ("" for a price, " per day" for a profit): see {@link #unit(String)}.
     */
    private final String unit;
    /** A money kind: its threshold is an amount in a currency the operator chooses, and needed. */
    public final boolean money;

    AlertKind(String code, String label, String unit, boolean money) {
        this.code = code;
        this.label = label;
        this.unit = unit;
        this.money = money;
    }

    /** The threshold's unit for a threshold in {@code currency}: "EUR per PH/s per day", "hours", "%". */
    public String unit(String currency) {
        return money ? currency + unit : unit;
    }

    /** What follows the currency for a money kind (" per day"), else the unit; null when there is no threshold. */
    public String unitAfterCurrency() {
        return unit;
    }

    /** A BTC price threshold, said in whole units ("60,000 EUR"); hashprice and profit keep the currency's decimals. */
    public boolean wholeUnits() {
        return this == PRICE_BELOW || this == PRICE_ABOVE;
    }

    public static Optional<AlertKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(k -> k.code).toList();
    }
}
