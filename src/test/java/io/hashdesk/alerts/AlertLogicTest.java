package io.hashdesk.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** The state machine, quiet hours and the webhook address check, without the application. */
class AlertLogicTest {

    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    static StateMachine.State state(String s, String pending, int count) {
        return new StateMachine.State(s, pending, count, T, 3);
    }

    @Test
    void aChangeNeedsItsConfirmationsInARowAndEachSnapshotCountsOnce() {
        assertThat(StateMachine.step(null, "on", 2, T).action()).isEqualTo(StateMachine.Action.INSERT);
        assertThat(StateMachine.step(null, null, 2, T).state()).isEqualTo(StateMachine.UNKNOWN);
        StateMachine.Step first = StateMachine.step(state("on", null, 0), "off", 2, T.plusSeconds(1));
        assertThat(first.action()).isEqualTo(StateMachine.Action.PENDING);
        assertThat(first.pending()).isEqualTo("off");
        assertThat(first.pendingCount()).isEqualTo(1);
        assertThat(StateMachine.step(state("on", "off", 1), "off", 2, T.plusSeconds(1)).action())
                .isEqualTo(StateMachine.Action.FIRE);
        assertThat(StateMachine.step(state("on", "off", 1), "off", 2, T).action())
                .as("the snapshot already counted").isEqualTo(StateMachine.Action.NONE);
        StateMachine.Step undecided = StateMachine.step(state("on", "off", 1), null, 2, T.plusSeconds(1));
        assertThat(undecided.action()).isEqualTo(StateMachine.Action.PENDING);
        assertThat(undecided.pending()).as("inside the margin: counting starts again").isNull();
        assertThat(StateMachine.step(state("on", null, 0), "on", 2, T.plusSeconds(1)).action())
                .as("nothing to write when nothing moves").isEqualTo(StateMachine.Action.NONE);
        assertThat(StateMachine.step(state(StateMachine.UNKNOWN, null, 0), "off", 2, T.plusSeconds(1)).action())
                .as("a first verdict is not a change").isEqualTo(StateMachine.Action.SETTLE);
    }

    @Test
    void quietHoursOverMidnightInTheOperatorsZone() {
        QuietHours q = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
        ZoneId oslo = ZoneId.of("Europe/Oslo"); // UTC+1 in December
        assertThat(q.endAround(Instant.parse("2026-12-01T22:30:00Z"), oslo))
                .isEqualTo(Instant.parse("2026-12-02T06:00:00Z"));
        assertThat(q.endAround(Instant.parse("2026-12-02T05:00:00Z"), oslo))
                .isEqualTo(Instant.parse("2026-12-02T06:00:00Z"));
        assertThat(q.endAround(Instant.parse("2026-12-02T06:00:00Z"), oslo)).isNull();
        assertThat(q.endAround(Instant.parse("2026-12-01T12:00:00Z"), oslo)).isNull();
        assertThat(new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0))
                .endAround(Instant.parse("2026-12-01T12:10:00Z"), ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2026-12-01T13:00:00Z"));
        assertThat(QuietHours.parse("7:00")).isNull();
        assertThat(QuietHours.parse("24:00")).isNull();
        assertThat(QuietHours.parse("07:30")).isEqualTo(LocalTime.of(7, 30));
    }

    static WebhookAddress.Resolver resolvesTo(String ip) {
        return host -> new InetAddress[] { InetAddress.getByName(ip) };
    }

    @Test
    void webhooksIntoTheServersOwnNetworkAreRefusedUnlessAllowed() throws UnknownHostException {
        for (String ip : new String[] { "127.0.0.1", "169.254.169.254", "10.1.2.3", "172.16.0.1", "192.168.1.1",
                "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254" }) {
            assertThat(WebhookAddress.refusal("https://hooks.example.com/x", false, resolvesTo(ip)))
                    .as(ip).contains("loopback, private or link-local");
        }
        assertThat(WebhookAddress.refusal("https://169.254.169.254/latest/meta-data", false, WebhookAddress.DNS))
                .contains("169.254.169.254");
        assertThat(WebhookAddress.refusal("https://[::1]/x", false, WebhookAddress.DNS)).contains("loopback");
        assertThat(WebhookAddress.refusal("https://hooks.example.com/x", false, resolvesTo("93.184.215.14"))).isNull();
        assertThat(WebhookAddress.refusal("http://hooks.example.com/x", false, resolvesTo("93.184.215.14")))
                .contains("must use https");
        assertThat(WebhookAddress.refusal("ftp://hooks.example.com/x", false, resolvesTo("93.184.215.14")))
                .contains("https://");
        assertThat(WebhookAddress.refusal("https://u:p@hooks.example.com/x", false, resolvesTo("93.184.215.14")))
                .contains("user name");
        assertThat(WebhookAddress.refusal("http://127.0.0.1:8080/x", true, WebhookAddress.DNS)).isNull();
    }

    @Test
    void theSignatureIsTheHexHmacOfTheRawBody() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assertThat(WebhookSignature.header("Jefe", "what do ya want for nothing?".getBytes()))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(WebhookSignature.newSecret()).startsWith("whsec_").hasSize(49);
    }
}
