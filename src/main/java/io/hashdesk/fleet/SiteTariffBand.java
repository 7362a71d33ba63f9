package io.hashdesk.fleet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.hashdesk.economics.TimeOfUseTariff;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One price of a time-of-use tariff: weekdays ("Mon-Fri"), an hour range, USD/kWh. */
@Entity
@Table(name = "site_tariff_band")
public class SiteTariffBand extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id")
    public Site site;

    /** The band's place in the list, as the operator wrote it. */
    @Column(name = "band_index", nullable = false)
    public int bandIndex;

    /** Canonical form of the weekdays, e.g. "Mon-Fri" or "Sat,Sun". */
    @Column(nullable = false, length = 40)
    public String days;

    @Column(name = "from_hour", nullable = false)
    public int fromHour;

    /** Exclusive, 1..24. */
    @Column(name = "to_hour", nullable = false)
    public int toHour;

    /** The price per kWh in the site's tariff currency (the column keeps its old name). */
    @Column(name = "usd_per_kwh", nullable = false)
    public double usdPerKwh;

    /** The band with its price times {@code usdPerUnit} (1 for the price as entered). */
    public TimeOfUseTariff.Band toBand(double usdPerUnit) {
        return new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays(days), fromHour, toHour, usdPerKwh * usdPerUnit);
    }
}
