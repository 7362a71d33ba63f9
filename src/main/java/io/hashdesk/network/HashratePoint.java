package io.hashdesk.network;

import java.time.Instant;

/** The network's average hashrate (H/s) over one day. */
public record HashratePoint(Instant day, double hashrate) {
}
