package io.hashdesk.fleet;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import io.hashdesk.currency.Rates;
import io.hashdesk.economics.FlatTariff;
import io.hashdesk.economics.SiteTerms;
import io.hashdesk.economics.Tariff;
import io.hashdesk.economics.TimeOfUseTariff;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A place where rigs run, with what it charges: tariff, pool fee, hosting, overhead, uptime. */
@Entity
@Table(name = "site")
public class Site extends PanacheEntityBase {

    public static final String FLAT = "flat";
    public static final String TIME_OF_USE = "tou";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The owner; every query filters on it (see FleetService). */
    @Column(name = "operator_id", nullable = false)
    public long operatorId;

    @Column(nullable = false, length = 100)
    public String name;

    /** The name as it is compared: trimmed, lower case; unique per operator in the database. */
    @Column(name = "name_key", nullable = false, length = 100)
    public String nameKey;

    /** {@link #FLAT} or {@link #TIME_OF_USE}. */
    @Column(name = "tariff_type", nullable = false, length = 8)
    public String tariffType;

    /** What the tariff's prices (flat and every band) are entered in, ISO 4217; USD by default. */
    @Column(name = "tariff_currency", nullable = false, length = 3)
    public String tariffCurrency = "USD";

    /** The flat price per kWh in {@link #tariffCurrency} (the column keeps its old name). */
    @Column(name = "flat_usd_per_kwh")
    public Double flatUsdPerKwh;

    @OneToMany(mappedBy = "site", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("bandIndex")
    public List<SiteTariffBand> bands = new ArrayList<>();

    @Column(name = "pool_fee_percent", nullable = false)
    public double poolFeePercent;

    /** The monthly hosting fee in {@link #hostingCurrency} (the column keeps its old name). */
    @Column(name = "hosting_usd_per_month", nullable = false)
    public double hostingUsdPerMonth;

    @Column(name = "hosting_currency", nullable = false, length = 3)
    public String hostingCurrency = "USD";

    @Column(name = "power_overhead", nullable = false)
    public double powerOverhead = 1.0;

    @Column(name = "uptime_percent", nullable = false)
    public double uptimePercent = 100;

    @Column(nullable = false)
    public boolean curtail;

    /** IANA zone the tariff's hours are written in. */
    @Column(nullable = false, length = 64)
    public String timezone;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** How a site name is compared: "Texas 1", " texas 1 " and "TEXAS 1" are one site. */
    public static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    public boolean isTimeOfUse() {
        return TIME_OF_USE.equals(tariffType);
    }

    /** The tariff in USD at these rates. */
    public Tariff tariff(Rates rates) {
        double perUsd = rates.toUsd(1, tariffCurrency);
        if (isTimeOfUse()) {
            return new TimeOfUseTariff(bands.stream().map(b -> b.toBand(perUsd)).toList());
        }
        return new FlatTariff(flatUsdPerKwh * perUsd);
    }

    /** Whether anything of the site is entered in a currency other than USD. */
    public boolean foreign() {
        return !"USD".equals(tariffCurrency) || !"USD".equals(hostingCurrency);
    }

    /** What the economics need to know about this site, in USD at these rates. */
    public SiteTerms terms(Rates rates) {
        return new SiteTerms(tariff(rates), powerOverhead, poolFeePercent, rates.toUsd(hostingUsdPerMonth, hostingCurrency),
                uptimePercent, curtail, ZoneId.of(timezone));
    }

    /** The hosting fee as entered: "1,500.00 NOK". */
    public String hostingText() {
        return io.hashdesk.currency.Currencies.amount(hostingUsdPerMonth, hostingCurrency);
    }

    /** Lowest and highest price of the week, in {@link #tariffCurrency} per kWh. */
    public double minUsdPerKwh() {
        return isTimeOfUse() ? bands.stream().mapToDouble(b -> b.usdPerKwh).min().orElse(0) : flatUsdPerKwh;
    }

    public double maxUsdPerKwh() {
        return isTimeOfUse() ? bands.stream().mapToDouble(b -> b.usdPerKwh).max().orElse(0) : flatUsdPerKwh;
    }
}
