package io.hashdesk.economics;

import java.time.DayOfWeek;

/** What a site pays for a kWh, hour by hour of the week in the site's local time. */
public sealed interface Tariff permits FlatTariff, TimeOfUseTariff {

    /** USD per kWh during the given local hour (0..23) of the given weekday. */
    double usdPerKwh(DayOfWeek day, int hour);
}
