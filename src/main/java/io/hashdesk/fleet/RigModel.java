package io.hashdesk.fleet;

/**
 * An ASIC model from the built-in catalog, with its nameplate figures.
 *
 * @param name what rig groups store and forms show, e.g. "Bitmain Antminer S21 Pro"
 */
public record RigModel(String manufacturer, String model, double terahash, double watts, String cooling,
        int released) {

    public String name() {
        return manufacturer + " " + model;
    }

    public double efficiencyJPerTh() {
        return watts / terahash;
    }
}
