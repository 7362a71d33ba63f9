package io.hashdesk.economics;

import java.time.DayOfWeek;

/** One price for every kWh. */
public record FlatTariff(double usdPerKwh) implements Tariff {

    public FlatTariff {
        if (!Double.isFinite(usdPerKwh) || usdPerKwh < 0) {
            throw new IllegalArgumentException("usdPerKwh must be a finite number >= 0");
        }
    }

    @Override
    public double usdPerKwh(DayOfWeek day, int hour) {
        return usdPerKwh;
    }
}
