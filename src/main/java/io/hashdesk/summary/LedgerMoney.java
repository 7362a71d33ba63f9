package io.hashdesk.summary;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.hashdesk.currency.Currencies;
import io.hashdesk.currency.DayRates;
import io.hashdesk.currency.Fx;
import io.hashdesk.web.Formats;
import io.quarkus.qute.TemplateData;

/**
 * Recorded days in the display currency, each day at the rate stored with it, and their sums (each
 * day's USD figure at that day's rate, then added): what the fleet earned reads the same however
 * rates move after.
 */
@TemplateData
public final class LedgerMoney {

    /** A site's sums over the days, in the display currency. */
    @TemplateData
    public record SiteMoney(double revenue, double powerCost, double hosting, double poolFee, double profit) {
    }

    private final Fx display;
    private final Map<LocalDate, Fx> byDay = new HashMap<>();
    private final Map<Long, double[]> sites = new HashMap<>();
    private double revenue, powerCost, hosting, poolFee, profit;
    private Double saved;

    private LedgerMoney(Fx display) {
        this.display = display;
    }

    public static LedgerMoney of(List<Ledger.Day> days, Fx display) {
        LedgerMoney m = new LedgerMoney(display);
        for (Ledger.Day d : days) {
            LedgerDay r = d.recorded();
            if (r == null) {
                continue;
            }
            Fx fx = DayRates.at(r.fxRates, display, d.date());
            m.byDay.put(d.date(), fx);
            m.revenue += fx.fromUsd(r.revenueUsd);
            m.powerCost += fx.fromUsd(r.powerCostUsd);
            m.hosting += fx.fromUsd(r.hostingUsd);
            m.poolFee += fx.fromUsd(r.poolFeeUsd);
            m.profit += fx.fromUsd(r.profitUsd);
            if (r.keepRunningProfitUsd != null) {
                m.saved = (m.saved == null ? 0 : m.saved) + fx.fromUsd(r.profitUsd - r.keepRunningProfitUsd);
            }
            for (LedgerSite s : d.sites()) {
                double[] sum = m.sites.computeIfAbsent(s.siteId(), k -> new double[5]);
                sum[0] += fx.fromUsd(s.revenueUsd());
                sum[1] += fx.fromUsd(s.powerCostUsd());
                sum[2] += fx.fromUsd(s.hostingUsd());
                sum[3] += fx.fromUsd(s.poolFeeUsd());
                sum[4] += fx.fromUsd(s.profitUsd());
            }
        }
        return m;
    }

    /** The day's rate of the display currency (today's when the day has none stored). */
    public Fx at(Ledger.Day day) {
        return byDay.getOrDefault(day.date(), display);
    }

    public SiteMoney site(long siteId) {
        double[] s = sites.getOrDefault(siteId, new double[5]);
        return new SiteMoney(s[0], s[1], s[2], s[3], s[4]);
    }

    /** An amount already in the display currency, to its usual decimals. */
    public String money(double amount) {
        return Double.isFinite(amount)
                ? Formats.number(amount, Currencies.decimals(display.currency())) + " " + display.currency() : "–";
    }

    public String money0(double amount) {
        return Double.isFinite(amount) ? Formats.number(amount, 0) + " " + display.currency() : "–";
    }

    public double revenue() {
        return revenue;
    }

    public double powerCost() {
        return powerCost;
    }

    public double hosting() {
        return hosting;
    }

    public double poolFee() {
        return poolFee;
    }

    public double hostingAndPoolFees() {
        return hosting + poolFee;
    }

    public double profit() {
        return profit;
    }

    /** What switching off saved over the days that record the comparison; null when none does. */
    public Double saved() {
        return saved;
    }
}
