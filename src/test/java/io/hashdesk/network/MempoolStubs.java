package io.hashdesk.network;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.hashdesk.testing.Upstream;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Upstream answers in the shapes the real mempool and esplora APIs send. */
public final class MempoolStubs {

    static final double PRICE = 71_234;
    static final double DIFFICULTY = 1.4813e14;
    static final double HASHRATE = 9.71e20;
    static final long HEIGHT = 935_170;
    static final long RETARGET_DATE_MS = 1_770_560_000_123L;

    private MempoolStubs() {
    }

    public static WireMockServer wm() {
        return Upstream.server();
    }

    /** No upstream answers and no stored snapshot: the app back on its bundled sample, as on a first start. */
    public static void startAfresh(NetworkService network) {
        wm().resetAll();
        QuarkusTransaction.requiringNew().run(() -> NetworkSnapshot.deleteAll());
        network.reload();
    }

    /**
     * A snapshot as the refresh stores one (not saved): fetched at {@code at}, at that height, price and
     * difficulty, mid-epoch with no change expected; callers set what their case needs.
     */
    public static NetworkSnapshot snapshot(Instant at, long height, double price, double difficulty) {
        NetworkSnapshot s = new NetworkSnapshot();
        s.fetchedAt = at;
        s.source = "mempool";
        s.priceUsd = price;
        s.priceAt = at;
        s.difficulty = difficulty;
        s.height = height;
        s.feesPerBlockBtc = 0.02;
        s.hashrate = 9.7e20;
        s.avgBlockTimeSeconds = 600;
        s.nextChangePercent = 0;
        s.previousRetargetPercent = 0;
        s.progressPercent = 50;
        s.remainingBlocks = 1008;
        s.nextRetargetHeight = height - height % 2016 + 2016;
        s.estimatedRetargetDate = at.plus(Duration.ofDays(7));
        s.hashrateHistory = "[]";
        return s;
    }

    static void json(String path, String body) {
        wm().stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    static void text(String path, String body) {
        wm().stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody(body)));
    }

    static void status(String path, int status) {
        wm().stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(status).withBody("Service Unavailable")));
    }

    static void healthyMempool(long height, double price) {
        mempool(height, price, DIFFICULTY, 302_400_000L, -13.793103448275868, RETARGET_DATE_MS);
    }

    /**
     * A healthy mempool at the given figures.
     *
     * @param totalFeeSats fees over the last 144 blocks, sats
     */
    public static void mempool(long height, double price, double difficulty, long totalFeeSats, double change,
            long retargetDateMs) {
        json("/mempool/api/v1/prices", String.format(Locale.ROOT,
                "{\"time\":1770379200,\"USD\":%s,\"EUR\":65700,\"GBP\":56200,\"CAD\":97400,\"CHF\":63100,"
                        + "\"AUD\":109000,\"JPY\":10950000}", price));
        json("/mempool/api/v1/difficulty-adjustment", String.format(Locale.ROOT,
                "{\"progressPercent\":87.40079365079364,\"difficultyChange\":%s,"
                        + "\"estimatedRetargetDate\":%d,\"remainingBlocks\":254,\"remainingTime\":176784000,"
                        + "\"previousRetarget\":-3.2801,\"previousTime\":1769183600,\"nextRetargetHeight\":%d,"
                        + "\"timeAvg\":696000,\"adjustedTimeAvg\":696000,\"timeOffset\":0,\"expectedBlocks\":2039.6}",
                change, retargetDateMs, height - height % 2016 + 2016));
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < 90; i++) {
            if (i > 0) {
                points.append(',');
            }
            double h = i < 50 ? 1.05e21 + i * 1e18 : 1.10e21 - (i - 50) * 3.2e18;
            points.append(String.format(Locale.ROOT, "{\"timestamp\":%d,\"avgHashrate\":%s}",
                    1762560000L + i * 86400L, h));
        }
        json("/mempool/api/v1/mining/hashrate/3m", String.format(Locale.ROOT,
                "{\"hashrates\":[%s],\"difficulty\":[{\"time\":1769183600,\"height\":933408,"
                        + "\"difficulty\":148130000000000,\"adjustment\":0.96720}],"
                        + "\"currentHashrate\":%s,\"currentDifficulty\":%s}",
                points, HASHRATE, difficulty));
        json("/mempool/api/v1/mining/reward-stats/144", String.format(Locale.ROOT,
                "{\"startBlock\":%d,\"endBlock\":%d,\"totalReward\":\"%d\","
                        + "\"totalFee\":\"%d\",\"totalTx\":\"512345\"}",
                height - 143, height, 45_000_000_000L + totalFeeSats, totalFeeSats));
        text("/mempool/api/blocks/tip/height", Long.toString(height));
    }

    /**
     * mempool's prices at {@code usd}, each currency of {@code perUsd} at that many units per USD (so its
     * price moves with the USD one); the others as {@link #mempool} serves them.
     */
    public static void prices(double usd, java.util.Map<String, Double> perUsd) {
        java.util.Map<String, Double> prices = new java.util.LinkedHashMap<>();
        prices.put("EUR", 65_700.0);
        prices.put("GBP", 56_200.0);
        prices.put("CAD", 97_400.0);
        prices.put("CHF", 63_100.0);
        prices.put("AUD", 109_000.0);
        prices.put("JPY", 10_950_000.0);
        perUsd.forEach((code, rate) -> prices.put(code, usd * rate));
        StringBuilder body = new StringBuilder(String.format(Locale.ROOT, "{\"time\":1770379200,\"USD\":%s", usd));
        prices.forEach((code, price) -> body.append(String.format(Locale.ROOT, ",\"%s\":%s", code, price)));
        json("/mempool/api/v1/prices", body.append('}').toString());
    }

    static void mempoolDown() {
        wm().stubFor(get(urlPathMatching("/mempool/.*")).willReturn(aResponse().withStatus(503)));
    }

    static void esploraDown() {
        wm().stubFor(get(urlPathMatching("/esplora/.*")).willReturn(aResponse().withStatus(503)));
    }

    static String hash(long height) {
        return String.format(Locale.ROOT, "%064x", height * 7919L + 0xabcdefL);
    }

    static void esploraBlock(long height, long timestamp, long bits) {
        text("/esplora/block-height/" + height, hash(height));
        json("/esplora/block/" + hash(height), String.format(Locale.ROOT,
                "{\"id\":\"%s\",\"height\":%d,\"version\":536870912,\"timestamp\":%d,\"tx_count\":3120,"
                        + "\"size\":1604321,\"weight\":3993011,\"merkle_root\":\"%s\",\"previousblockhash\":\"%s\","
                        + "\"mediantime\":%d,\"nonce\":2083236893,\"bits\":%d,\"difficulty\":48005534313578}",
                hash(height), height, timestamp, hash(height + 1), hash(height - 1), timestamp - 3600, bits));
    }

    /** docs/economics.md's third vector: the tip is the last block of its epoch. */
    static final long ESPLORA_TIP = 788_255;
    static final long TIP_BITS = 0x1705ae3aL;
    static final long PREVIOUS_EPOCH_BITS = 0x17060a8bL;

    static void healthyEsplora() {
        text("/esplora/blocks/tip/height", Long.toString(ESPLORA_TIP));
        esploraBlock(ESPLORA_TIP, 1683212066L, TIP_BITS);
        esploraBlock(ESPLORA_TIP - 2015, 1681984653L, TIP_BITS);
        esploraBlock(ESPLORA_TIP - 2015 - 2016, 1680800000L, PREVIOUS_EPOCH_BITS);
    }
}
