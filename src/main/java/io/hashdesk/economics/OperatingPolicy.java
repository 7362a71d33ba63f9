package io.hashdesk.economics;

/**
 * How the projection runs a rig group that loses money at the margin on a day (docs/economics.md,
 * "Operating policy"). Curtailing time-of-use sites run exactly the hours that pay under both.
 */
public enum OperatingPolicy {

    /** Default: a group whose revenue after the pool fee does not cover its power runs zero hours that day. */
    SWITCH_OFF_WHEN_LOSING("switch off when losing"),

    /** The comparison: every group runs every hour (curtailing sites still skip the hours that do not pay). */
    KEEP_RUNNING("keep everything running");

    private final String label;

    OperatingPolicy(String label) {
        this.label = label;
    }

    /** Human label for charts and pages, e.g. "switch off when losing". */
    public String label() {
        return label;
    }
}
