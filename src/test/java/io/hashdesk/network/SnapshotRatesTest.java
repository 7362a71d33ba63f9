package io.hashdesk.network;

import static io.hashdesk.network.MempoolStubs.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hashdesk.currency.LiveRates;
import io.hashdesk.economics.Consensus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** mempool's seven currencies are stored with each snapshot; rates per USD follow from them. */
@QuarkusTest
class SnapshotRatesTest {

    @Inject
    NetworkService network;

    @Inject
    LiveRates rates;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void freshStart() {
        breakers.resetAll();
        startAfresh(network);
    }

    @Test
    void theBundledSampleCarriesRatesOfItsDay() {
        Map<String, Double> perUsd = rates.perUsd(network.latest());
        assertEquals(1.0, perUsd.get("USD"));
        assertEquals(65_700 / 71_000.0, perUsd.get("EUR"), 1e-15);
        assertEquals(10_950_000 / 71_000.0, perUsd.get("JPY"), 1e-12);
        assertEquals(7, perUsd.size());
    }

    @Test
    void eachSnapshotStoresTheSevenPricesAndEsploraKeepsTheLastOnesWithTheirAge() {
        mempool(ESPLORA_TIP - 5, PRICE, Consensus.difficultyFromBits(TIP_BITS), 302_400_000L, -13.793103448275868,
                RETARGET_DATE_MS);
        assertEquals(NetworkService.Outcome.MEMPOOL, network.refresh());
        NetworkView first = network.latest();
        Map<String, Double> perUsd = rates.perUsd(first);
        assertEquals(65_700 / PRICE, perUsd.get("EUR"), 1e-15);
        assertEquals(56_200 / PRICE, perUsd.get("GBP"), 1e-15);
        assertEquals(97_400 / PRICE, perUsd.get("CAD"), 1e-15);
        assertEquals(63_100 / PRICE, perUsd.get("CHF"), 1e-15);
        assertEquals(109_000 / PRICE, perUsd.get("AUD"), 1e-15);
        assertEquals(10_950_000 / PRICE, perUsd.get("JPY"), 1e-12);
        NetworkSnapshot stored = QuarkusTransaction.requiringNew().call(() -> NetworkSnapshot.findById(first.version()));
        assertEquals(65_700, stored.priceEur);
        assertEquals(10_950_000, stored.priceJpy);

        // Esplora has no prices: the last ones are kept, dated when they were read.
        QuarkusTransaction.requiringNew().run(() -> NetworkSnapshot.update("fetchedAt = ?1, priceAt = ?1",
                Instant.now().minusSeconds(3600)));
        network.reload();
        Instant readAt = network.latest().priceAt();
        wm().resetAll();
        mempoolDown();
        healthyEsplora();
        assertEquals(NetworkService.Outcome.ESPLORA, network.refresh());
        NetworkView second = network.latest();
        assertTrue(second.version() != first.version());
        assertEquals(readAt, second.priceAt());
        assertEquals(65_700 / PRICE, rates.perUsd(second).get("EUR"), 1e-15);
    }

    @Test
    void anUnbelievablePriceInOneCurrencyLeavesOnlyThatRateOut() {
        healthyMempool(HEIGHT, PRICE);
        json("/mempool/api/v1/prices", String.format(Locale.ROOT,
                "{\"time\":1770379200,\"USD\":%s,\"EUR\":0,\"GBP\":\"lots\",\"CAD\":97400,\"CHF\":63100,"
                        + "\"AUD\":109000,\"JPY\":10950000}", PRICE));
        assertEquals(NetworkService.Outcome.MEMPOOL, network.refresh());
        Map<String, Double> perUsd = rates.perUsd(network.latest());
        assertFalse(perUsd.containsKey("EUR"));
        assertFalse(perUsd.containsKey("GBP"));
        assertEquals(97_400 / PRICE, perUsd.get("CAD"), 1e-15);
        assertEquals(PRICE, network.latest().priceUsd(), 0);
    }
}
