package io.hashdesk.fleet;

import org.jboss.resteasy.reactive.RestForm;

import io.hashdesk.web.FormErrors;
import io.hashdesk.web.Numbers;

/** The rig group form as typed: every value kept as text so a mistake is shown back exactly as written. */
public class RigForm {

    /** The model choice meaning "not in the catalog: use the name typed in {@link #model}". */
    public static final String CUSTOM = "custom";

    /** The group being edited (empty when adding): its own share of the site's hosting is not counted twice. */
    @RestForm
    public String rigId;
    @RestForm
    public String siteId;
    /** A catalog model's name, {@link #CUSTOM}, or empty (not chosen yet). */
    @RestForm
    public String catalogModel;
    /** The name of a custom model. */
    @RestForm
    public String model;
    @RestForm
    public String units;
    @RestForm
    public String terahash;
    @RestForm
    public String watts;
    @RestForm
    public String purchaseUsd;
    @RestForm
    public String purchaseCurrency;
    @RestForm
    public String purchaseDate;
    @RestForm
    public String notes;

    static RigForm blank(Long siteId) {
        RigForm form = new RigForm();
        form.siteId = siteId == null ? "" : siteId.toString();
        form.catalogModel = "";
        form.model = "";
        form.units = "1";
        form.terahash = "";
        form.watts = "";
        form.purchaseUsd = "";
        form.purchaseCurrency = "USD";
        form.purchaseDate = "";
        form.notes = "";
        return form;
    }

    static RigForm of(RigGroup rig, RigModelCatalog catalog) {
        RigForm form = new RigForm();
        form.siteId = rig.site.id.toString();
        form.catalogModel = catalog.find(rig.model).map(RigModel::name).orElse(CUSTOM);
        form.model = CUSTOM.equals(form.catalogModel) ? rig.model : "";
        form.units = Long.toString(rig.units);
        form.terahash = Numbers.plain(rig.terahashPerUnit);
        form.watts = Numbers.plain(rig.wattsPerUnit);
        form.purchaseUsd = Numbers.plain(rig.purchaseUsdPerUnit);
        form.purchaseCurrency = rig.purchaseCurrency;
        form.purchaseDate = rig.purchaseDate == null ? "" : rig.purchaseDate.toString();
        form.notes = rig.notes == null ? "" : rig.notes;
        return form;
    }

    /** Whether this currency is the one the purchase price is in. */
    public boolean inCurrency(String code) {
        return code.equals(purchaseCurrency == null || purchaseCurrency.isBlank() ? "USD" : purchaseCurrency.strip());
    }

    public boolean custom() {
        return CUSTOM.equals(catalogModel);
    }

    /** Whether the option for this catalog model is the chosen one. */
    public boolean chosen(String name) {
        return name.equals(catalogModel);
    }

    /** Whether this site is the chosen one. */
    public boolean atSite(Long id) {
        return id != null && id.toString().equals(Numbers.trim(siteId));
    }

    /** Puts the chosen catalog model's nameplate figures into TH/s and W. */
    void fillFromCatalog(RigModelCatalog catalog) {
        catalog.find(catalogModel).ifPresent(m -> {
            terahash = Numbers.plain(m.terahash());
            watts = Numbers.plain(m.watts());
        });
    }

    /** The form as the JSON API would take it. Text that is not a number is reported by field. */
    RigJson toJson(RigModelCatalog catalog, FormErrors errors) {
        String name = null;
        String choice = Numbers.trim(catalogModel);
        if (CUSTOM.equals(choice)) {
            name = Numbers.trim(model);
            if (name.isEmpty()) {
                errors.add("model", "Name your custom model, e.g. \"S19j Pro (underclocked)\".");
            }
        } else if (!choice.isEmpty()) {
            name = catalog.find(choice).map(RigModel::name).orElse(null);
            if (name == null) {
                errors.add("model", "Choose a model from the list, or \"Custom model\".");
            }
        }
        Long site = Numbers.whole(siteId, "siteId", errors, "Choose one of your sites.");
        Long editing = null;
        if (rigId != null && rigId.strip().matches("\\d{1,18}")) {
            editing = Long.parseLong(rigId.strip());
        }
        return new RigJson(editing, site, name == null || name.isEmpty() ? null : name,
                Numbers.whole(units, "units", errors, "Enter a whole number of units, 1 to 1,000,000."),
                Numbers.decimal(terahash, "terahash", errors, "Enter TH/s per unit as a number, e.g. 200."),
                Numbers.decimal(watts, "watts", errors, "Enter W per unit as a number, e.g. 3500."),
                null,
                Numbers.date(purchaseDate, "purchaseDate", errors),
                notes == null || notes.isBlank() ? null : notes,
                Numbers.decimal(purchaseUsd, "purchasePrice", errors, "Enter the price of one unit as a number, e.g. 2400, or leave it empty."),
                purchaseCurrency == null || purchaseCurrency.isBlank() ? "USD" : purchaseCurrency);
    }

    /** Whether the operator has typed or chosen something for this field (inline checks stay quiet before). */
    boolean touched(String field) {
        String raw = switch (field) {
            case "siteId" -> siteId;
            case "model" -> custom() ? model : catalogModel;
            case "units" -> units;
            case "terahash" -> terahash;
            case "watts" -> watts;
            case "purchaseUsd", "purchasePrice" -> purchaseUsd;
            case "purchaseCurrency" -> purchaseCurrency;
            case "purchaseDate" -> purchaseDate;
            case "notes" -> notes;
            default -> "x";
        };
        return raw != null && !raw.isBlank();
    }
}
