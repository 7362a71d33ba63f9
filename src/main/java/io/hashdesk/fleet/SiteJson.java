package io.hashdesk.fleet;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.hashdesk.currency.Rates;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A site as scripts read and write it, and the values every site form is checked against (the
 * site form is parsed into this record, so a rule is declared once). Omitted optional values take
 * their defaults: no pool fee or hosting, overhead 1.0, uptime 100 %, no curtailment, the
 * operator's time zone.
 *
 * @param id set by the server; on PUT it may be repeated but must match the address
 */
@Schema(name = "Site")
public record SiteJson(
        Long id,
        @NotBlank(message = "Name the site, e.g. \"Texas container 1\".")
        @Size(max = 100, message = "Use at most 100 characters.")
        String name,
        @NotNull(message = "Give the tariff: flat (one price) or tou (time-of-use bands).")
        @Valid
        Tariff tariff,
        @DecimalMin(value = "0", message = "Enter a pool fee from 0 to 100 %.")
        @DecimalMax(value = "100", message = "Enter a pool fee from 0 to 100 %.")
        Double poolFeePercent,
        @DecimalMin(value = "0", message = "Enter a hosting fee of 0 USD or more per month.")
        @DecimalMax(value = "100000000", message = "Enter a hosting fee of at most 100,000,000 USD per month.")
        Double hostingUsdPerMonth,
        @DecimalMin(value = "1", message = "Enter a power overhead from 1.0 (none) to 3.0.")
        @DecimalMax(value = "3", message = "Enter a power overhead from 1.0 (none) to 3.0.")
        Double powerOverhead,
        @DecimalMin(value = "0", message = "Enter an uptime from 0 to 100 %.")
        @DecimalMax(value = "100", message = "Enter an uptime from 0 to 100 %.")
        Double uptimePercent,
        Boolean curtail,
        @Size(max = 64, message = "Choose a time zone from the list, e.g. America/Chicago.")
        String timezone,
        @Schema(description = "The monthly hosting fee in hostingCurrency, as entered; hostingUsdPerMonth is the same in USD")
        Double hostingPerMonth,
        @Schema(description = "ISO 4217 code the hosting fee is entered in (default USD): one of mempool's seven or one you entered a rate for")
        String hostingCurrency) {

    public SiteJson(Long id, String name, Tariff tariff, Double poolFeePercent, Double hostingUsdPerMonth,
            Double powerOverhead, Double uptimePercent, Boolean curtail, String timezone) {
        this(id, name, tariff, poolFeePercent, hostingUsdPerMonth, powerOverhead, uptimePercent, curtail, timezone,
                null, null);
    }

    /** {@code {type: "flat", usdPerKwh}} or {@code {type: "tou", bands: [...]}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Tariff", description = "{type: flat, currency, perKwh} or {type: tou, currency, bands: [...]}: the bands cover all 168 hours of the week in the site's time zone; usdPerKwh is the same price in USD (accepted alone, meaning USD)")
    public record Tariff(
            @NotNull(message = "Choose flat or tou (time of use).")
            @Pattern(regexp = "flat|tou", message = "Choose flat or tou (time of use).")
            String type,
            @DecimalMin(value = "0", message = "Enter a price from 0 to 10 USD/kWh.")
            @DecimalMax(value = "10", message = "Enter a price from 0 to 10 USD/kWh.")
            Double usdPerKwh,
            @Size(max = 100, message = "Use at most 100 bands.")
            List<@NotNull(message = "A band cannot be null.") @Valid Band> bands,
            @Schema(description = "ISO 4217 code of every price of the tariff (default USD)")
            String currency,
            @Schema(description = "The flat price per kWh in the tariff's currency, as entered")
            Double perKwh) {

        public Tariff(String type, Double usdPerKwh, List<Band> bands) {
            this(type, usdPerKwh, bands, null, null);
        }
    }

    /** One price for some weekdays ("Mon-Fri") from fromHour (0..23) up to toHour (1..24, exclusive). */
    @Schema(name = "TariffBand", description = "One price for some weekdays (e.g. Mon-Fri or Sat,Sun) from fromHour (0..23) up to toHour (1..24, exclusive)")
    public record Band(
            @NotBlank(message = "Give the days, e.g. Mon-Fri or Sat,Sun.")
            @Size(max = 40, message = "Give the days, e.g. Mon-Fri or Sat,Sun.")
            String days,
            @NotNull(message = "Give the first hour, 0 to 23.")
            @Min(value = 0, message = "Give the first hour, 0 to 23.")
            @Max(value = 23, message = "Give the first hour, 0 to 23.")
            Integer fromHour,
            @NotNull(message = "Give the hour the band ends, 1 to 24.")
            @Min(value = 1, message = "Give the hour the band ends, 1 to 24.")
            @Max(value = 24, message = "Give the hour the band ends, 1 to 24.")
            Integer toHour,
            @DecimalMin(value = "0", message = "Enter a price from 0 to 10 USD/kWh.")
            @DecimalMax(value = "10", message = "Enter a price from 0 to 10 USD/kWh.")
            Double usdPerKwh,
            @Schema(description = "The band's price per kWh in the tariff's currency, as entered")
            Double perKwh) {

        public Band(String days, Integer fromHour, Integer toHour, Double usdPerKwh) {
            this(days, fromHour, toHour, usdPerKwh, null);
        }
    }

    /** The site as stored, with its USD figures at {@code rates} (null where a currency has no rate there). */
    static SiteJson of(Site site, Rates rates) {
        String tc = site.tariffCurrency;
        Tariff tariff = site.isTimeOfUse()
                ? new Tariff(Site.TIME_OF_USE, null, site.bands.stream()
                        .map(b -> new Band(b.days, b.fromHour, b.toHour, usd(rates, b.usdPerKwh, tc), b.usdPerKwh)).toList(),
                        tc, null)
                : new Tariff(Site.FLAT, usd(rates, site.flatUsdPerKwh, tc), null, tc, site.flatUsdPerKwh);
        return new SiteJson(site.id, site.name, tariff, site.poolFeePercent,
                usd(rates, site.hostingUsdPerMonth, site.hostingCurrency), site.powerOverhead, site.uptimePercent,
                site.curtail, site.timezone, site.hostingUsdPerMonth, site.hostingCurrency);
    }

    private static Double usd(Rates rates, Double amount, String code) {
        return amount == null || !rates.has(code) ? null : rates.toUsd(amount, code);
    }
}
