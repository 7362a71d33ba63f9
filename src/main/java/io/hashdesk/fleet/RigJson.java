package io.hashdesk.fleet;

import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.hashdesk.currency.Rates;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rig group as scripts read and write it, and the values every rig form and CSV row is checked
 * against (they are parsed into this record, so a rule is declared once).
 *
 * @param model a catalog model's name or any name for a custom machine
 * @param terahash nameplate TH/s of one unit
 * @param watts nameplate W of one unit
 * @param purchaseUsd what one unit cost, USD (optional)
 */
@Schema(name = "RigGroup")
public record RigJson(
        Long id,
        @NotNull(message = "Choose the site where these rigs run.")
        Long siteId,
        @NotBlank(message = "Choose a model from the catalog, or name your custom model.")
        @Size(max = 100, message = "Use at most 100 characters.")
        String model,
        @NotNull(message = "Enter the number of units, 1 to 1,000,000.")
        @Min(value = 1, message = "Enter the number of units, 1 to 1,000,000.")
        @Max(value = 1_000_000, message = "Enter the number of units, 1 to 1,000,000.")
        Long units,
        @NotNull(message = "Enter the hashrate of one unit, above 0 and up to 10,000 TH/s.")
        @DecimalMin(value = "0", inclusive = false, message = "Enter the hashrate of one unit, above 0 and up to 10,000 TH/s.")
        @DecimalMax(value = "10000", message = "Enter the hashrate of one unit, above 0 and up to 10,000 TH/s.")
        Double terahash,
        @NotNull(message = "Enter the power draw of one unit, above 0 and up to 100,000 W.")
        @DecimalMin(value = "0", inclusive = false, message = "Enter the power draw of one unit, above 0 and up to 100,000 W.")
        @DecimalMax(value = "100000", message = "Enter the power draw of one unit, above 0 and up to 100,000 W.")
        Double watts,
        @DecimalMin(value = "0", message = "Enter what one unit cost, 0 USD or more, or leave it empty.")
        @DecimalMax(value = "10000000", message = "Enter at most 10,000,000 USD per unit.")
        Double purchaseUsd,
        LocalDate purchaseDate,
        @Size(max = 1000, message = "Use at most 1,000 characters.")
        String notes,
        @Schema(description = "What one unit cost in purchaseCurrency, as entered; purchaseUsd is the same in USD")
        Double purchasePrice,
        @Schema(description = "ISO 4217 code of the purchase price (default USD): one of mempool's seven or one you entered a rate for")
        String purchaseCurrency) {

    public RigJson(Long id, Long siteId, String model, Long units, Double terahash, Double watts, Double purchaseUsd,
            LocalDate purchaseDate, String notes) {
        this(id, siteId, model, units, terahash, watts, purchaseUsd, purchaseDate, notes, null, null);
    }

    /** The group as stored, purchaseUsd at {@code rates} (null when its currency has no rate there). */
    static RigJson of(RigGroup rig, Rates rates) {
        Double usd = rig.purchaseUsdPerUnit == null || !rates.has(rig.purchaseCurrency) ? null
                : rates.toUsd(rig.purchaseUsdPerUnit, rig.purchaseCurrency);
        return new RigJson(rig.id, rig.site.id, rig.model, rig.units, rig.terahashPerUnit, rig.wattsPerUnit,
                usd, rig.purchaseDate, rig.notes, rig.purchaseUsdPerUnit, rig.purchaseCurrency);
    }

    /** The same with the purchase price as it is stored: the amount and its currency (checked already). */
    RigJson withPurchase(Double price, String currency) {
        return new RigJson(id, siteId, model, units, terahash, watts, purchaseUsd, purchaseDate, notes, price, currency);
    }
}
