package io.hashdesk.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.RestForm;

import io.hashdesk.account.Operator;
import io.hashdesk.web.FormErrors;
import io.hashdesk.web.Numbers;

/**
 * The site form as typed: every value kept as text so a mistake is shown back exactly as written.
 * Time-of-use bands are rows of four parallel lists; blank rows are ignored.
 */
public class SiteForm {

    /** A band's field as the service names it: "tariff.bands[2].days". */
    private static final Pattern BAND_FIELD = Pattern.compile("tariff\\.bands\\[(\\d+)\\](.*)");

    /** Blank band rows offered below the filled ones. */
    static final int SPARE_ROWS = 2;

    @RestForm
    public String name;
    @RestForm
    public String tariffType;
    /** The price of the flat tariff, in {@link #tariffCurrency} (the field keeps its old name). */
    @RestForm
    public String usdPerKwh;
    @RestForm
    public String tariffCurrency;
    @RestForm
    public String hostingCurrency;
    @RestForm
    public List<String> bandDays;
    @RestForm
    public List<String> bandFrom;
    @RestForm
    public List<String> bandTo;
    @RestForm
    public List<String> bandRate;
    @RestForm
    public String poolFeePercent;
    @RestForm
    public String hostingUsdPerMonth;
    @RestForm
    public String powerOverhead;
    @RestForm
    public String uptimePercent;
    @RestForm
    public String curtail;
    @RestForm
    public String timezone;
    /** Set by the "Add a band" button: re-show the form with one more blank row, save nothing. */
    @RestForm
    public String addBand;

    /** One band row as shown, with its messages. */
    public record BandRow(int index, String days, String from, String to, String rate, String daysError,
            String fromError, String toError, String rateError) {
        /** 1-based, for labels. */
        public int position() {
            return index + 1;
        }

        public boolean invalid() {
            return daysError != null || fromError != null || toError != null || rateError != null;
        }
    }

    static SiteForm blank(Operator owner) {
        SiteForm form = new SiteForm();
        form.name = "";
        form.tariffType = Site.FLAT;
        form.usdPerKwh = "";
        form.poolFeePercent = "0";
        form.hostingUsdPerMonth = "0";
        form.tariffCurrency = "USD";
        form.hostingCurrency = "USD";
        form.powerOverhead = "1.0";
        form.uptimePercent = "100";
        form.curtail = null;
        form.timezone = owner.timezone;
        form.bandDays = new ArrayList<>(List.of("Mon-Fri", "Mon-Fri", "Sat-Sun"));
        form.bandFrom = new ArrayList<>(List.of("0", "8", "0"));
        form.bandTo = new ArrayList<>(List.of("8", "24", "24"));
        form.bandRate = new ArrayList<>(List.of("", "", ""));
        return form;
    }

    static SiteForm of(Site site) {
        SiteForm form = new SiteForm();
        form.name = site.name;
        form.tariffType = site.tariffType;
        form.usdPerKwh = Numbers.plain(site.flatUsdPerKwh);
        form.bandDays = new ArrayList<>();
        form.bandFrom = new ArrayList<>();
        form.bandTo = new ArrayList<>();
        form.bandRate = new ArrayList<>();
        for (SiteTariffBand b : site.bands) {
            form.bandDays.add(b.days);
            form.bandFrom.add(Integer.toString(b.fromHour));
            form.bandTo.add(Integer.toString(b.toHour));
            form.bandRate.add(Numbers.plain(b.usdPerKwh));
        }
        form.poolFeePercent = Numbers.plain(site.poolFeePercent);
        form.hostingUsdPerMonth = Numbers.plain(site.hostingUsdPerMonth);
        form.tariffCurrency = site.tariffCurrency;
        form.hostingCurrency = site.hostingCurrency;
        form.powerOverhead = Numbers.plain(site.powerOverhead);
        form.uptimePercent = Numbers.plain(site.uptimePercent);
        form.curtail = site.curtail ? "true" : null;
        form.timezone = site.timezone;
        return form;
    }

    /** The currency chosen (USD when none). */
    private static String currency(String code) {
        return code == null || code.isBlank() ? "USD" : code.strip();
    }

    /** The tariff's currency as chosen (USD when none): its prices' unit. */
    public String tariffCode() {
        return currency(tariffCurrency);
    }

    /** Whether {@code code} is the tariff's currency. */
    public boolean tariffIn(String code) {
        return code.equals(currency(tariffCurrency));
    }

    /** Whether {@code code} is the hosting fee's currency. */
    public boolean hostingIn(String code) {
        return code.equals(currency(hostingCurrency));
    }

    public boolean isTimeOfUse() {
        return Site.TIME_OF_USE.equals(tariffType);
    }

    public boolean curtailChecked() {
        return curtail != null && !curtail.isBlank() && !"false".equals(curtail);
    }

    private static String at(List<String> list, int i) {
        return list != null && i < list.size() && list.get(i) != null ? list.get(i) : "";
    }

    private int filledRows() {
        int n = Math.max(Math.max(size(bandDays), size(bandFrom)), Math.max(size(bandTo), size(bandRate)));
        while (n > 0 && isBlankRow(n - 1)) {
            n--;
        }
        return n;
    }

    private static int size(List<String> list) {
        return list == null ? 0 : list.size();
    }

    private boolean isBlankRow(int i) {
        return at(bandDays, i).isBlank() && at(bandFrom, i).isBlank() && at(bandTo, i).isBlank()
                && at(bandRate, i).isBlank();
    }

    /** The rows to show: the filled ones, then spare blank ones (one more after "Add a band"). */
    public List<BandRow> rows(FormErrors errors) {
        int shown = filledRows() + SPARE_ROWS + (addBand != null ? 1 : 0);
        List<BandRow> rows = new ArrayList<>(shown);
        for (int i = 0; i < shown; i++) {
            String key = "tariff.bands[" + i + "].";
            rows.add(new BandRow(i, at(bandDays, i), at(bandFrom, i), at(bandTo, i), at(bandRate, i),
                    errors.get(key + "days"), errors.get(key + "fromHour"), errors.get(key + "toHour"),
                    errors.get(key + "perKwh")));
        }
        return rows;
    }

    /** The form as the JSON API would take it. Text that is not a number is reported by field. */
    SiteJson toJson(FormErrors errors) {
        Double flat = null;
        List<SiteJson.Band> bands = null;
        if (isTimeOfUse()) {
            bands = new ArrayList<>();
            for (int i = 0; i < filledRows(); i++) {
                if (isBlankRow(i)) {
                    continue;
                }
                String key = "tariff.bands[" + i + "].";
                bands.add(new SiteJson.Band(at(bandDays, i).strip(),
                        Numbers.hour(at(bandFrom, i), key + "fromHour", errors, "Give the first hour, 0 to 23."),
                        Numbers.hour(at(bandTo, i), key + "toHour", errors, "Give the hour the band ends, 1 to 24."),
                        null, Numbers.decimal(at(bandRate, i), key + "perKwh", errors,
                                "Enter a price in " + currency(tariffCurrency) + "/kWh, e.g. 0.045.")));
            }
        } else {
            flat = Numbers.decimal(usdPerKwh, "tariff.perKwh", errors,
                    "Enter a price in " + currency(tariffCurrency) + "/kWh, e.g. 0.045.");
        }
        String type = Site.TIME_OF_USE.equals(tariffType) || Site.FLAT.equals(tariffType) ? tariffType : null;
        return new SiteJson(null, name, new SiteJson.Tariff(type, null, bands, currency(tariffCurrency), flat),
                Numbers.decimal(poolFeePercent, "poolFeePercent", errors, "Enter a pool fee from 0 to 100 %."),
                null,
                Numbers.decimal(powerOverhead, "powerOverhead", errors, "Enter a power overhead from 1.0 (none) to 3.0."),
                Numbers.decimal(uptimePercent, "uptimePercent", errors, "Enter an uptime from 0 to 100 %."),
                curtailChecked(), timezone,
                Numbers.decimal(hostingUsdPerMonth, "hostingPerMonth", errors,
                        "Enter the hosting fee in " + currency(hostingCurrency) + " per month, e.g. 1500."),
                currency(hostingCurrency));
    }

    /**
     * The service names bands by their place among the non-blank rows; the form shows them by row.
     * Translates "tariff.bands[j]..." to the row the j-th band came from.
     */
    FormErrors byRow(FormErrors errors) {
        Map<Integer, Integer> rowOfBand = new HashMap<>();
        int j = 0;
        for (int i = 0; i < filledRows(); i++) {
            if (!isBlankRow(i)) {
                rowOfBand.put(j++, i);
            }
        }
        FormErrors out = FormErrors.none();
        errors.asMap().forEach((field, message) -> {
            Matcher m = BAND_FIELD.matcher(field);
            if (m.matches()) {
                int row = rowOfBand.getOrDefault(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(1)));
                out.add("tariff.bands[" + row + "]" + m.group(2), message);
            } else {
                out.add(field, message);
            }
        });
        return out;
    }
}
