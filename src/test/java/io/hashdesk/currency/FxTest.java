package io.hashdesk.currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FxTest {

    private static Fx of(String code, double perUsd) {
        return new Fx(code, perUsd, null, "test");
    }

    @Test
    void moneyIsFormattedForItsCurrencyWithTheCodeAfterTheNumber() {
        assertEquals("1,234.57 USD", Fx.USD.money(1234.567));
        assertEquals("1,142.21 EUR", of("EUR", 0.925).money(1234.82));
        // JPY has no minor unit: no decimals, however small the amount.
        assertEquals("154,224 JPY", of("JPY", 154.2235).money(1000));
        assertEquals("15 JPY", of("JPY", 154.2235).money(0.1));
        // BHD has three.
        assertEquals("0.377 BHD", of("BHD", 0.377).money(1));
        assertEquals("−10,900 NOK", of("NOK", 10.9).money0(-1000));
        assertEquals("+10,900 NOK", of("NOK", 10.9).signedMoney0(1000));
        assertEquals("0.4500 NOK/kWh", of("NOK", 10).perKwh(0.045));
        assertEquals("–", of("EUR", 0.9).money(Double.NaN));
    }

    @Test
    void conversionGoesBothWays() {
        Fx nok = of("NOK", 10.9);
        assertEquals(0.45 / 10.9, nok.toUsd(0.45), 1e-15);
        assertEquals(0.45, nok.fromUsd(nok.toUsd(0.45)), 1e-15);
    }

    @Test
    void onlyIso4217CodesAndBelievableRatesAreAccepted() {
        assertEquals("NOK", Currencies.code(" nok "));
        assertNull(Currencies.code("XYZ"));
        assertNull(Currencies.code("<b>"));
        assertNull(Currencies.code("EURO"));
        assertNull(Currencies.rateProblem(10.9));
        assertNull(Currencies.rateProblem(1e-6));
        assertNull(Currencies.rateProblem(1e6));
        assertNotNull(Currencies.rateProblem(0));
        assertNotNull(Currencies.rateProblem(-3));
        assertNotNull(Currencies.rateProblem(1.01e6));
        assertNotNull(Currencies.rateProblem(9e-7));
        assertNotNull(Currencies.rateProblem(Double.NaN));
        assertEquals(0, Currencies.decimals("JPY"));
        assertEquals(2, Currencies.decimals("NOK"));
    }
}
