package io.hashdesk.summary;

import io.quarkus.qute.TemplateExtension;

/**
 * The summary mail's repeated inline styles (mail clients drop style sheets, so every cell carries
 * its own), one definition each, written {@code {style:td}} in templates/mail/weekly.html. A namespace
 * rather than {@code {#let}} variables: a namespaced name is looked up directly, where a variable used
 * inside a loop is searched for through every enclosing section first (a third of the rendering time).
 */
@TemplateExtension(namespace = "style")
final class MailStyles {

    private MailStyles() {
    }

    /** A numeric column's heading. */
    static String th() {
        return "padding:6px 8px;border-bottom:2px solid #d9e1e3;text-align:right;font-size:12px;color:#5b6b70;"
                + "font-weight:600;white-space:nowrap";
    }

    /** A text column's heading. */
    static String thl() {
        return "padding:6px 8px;border-bottom:2px solid #d9e1e3;text-align:left;font-size:12px;color:#5b6b70;"
                + "font-weight:600";
    }

    /** A figure. */
    static String td() {
        return "padding:6px 8px;border-bottom:1px solid #e6ecee;text-align:right;font-size:13px;white-space:nowrap";
    }

    /** A label. */
    static String tdl() {
        return "padding:6px 8px;border-bottom:1px solid #e6ecee;text-align:left;font-size:13px";
    }

    /** A total. */
    static String tot() {
        return "padding:6px 8px;text-align:right;font-size:13px;font-weight:700;white-space:nowrap";
    }

    /** A total's label. */
    static String totl() {
        return "padding:6px 8px;text-align:left;font-size:13px;font-weight:700";
    }

    static String h2() {
        return "margin:28px 0 8px;font-size:18px;line-height:1.3;color:#0f3d3e";
    }

    static String muted() {
        return "color:#5b6b70";
    }

    /** A loss. */
    static String bad() {
        return "color:#b3261e";
    }

    /** A profit. */
    static String good() {
        return "color:#1f7a3f";
    }
}
