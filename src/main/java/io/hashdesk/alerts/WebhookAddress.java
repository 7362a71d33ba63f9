package io.hashdesk.alerts;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Whether a webhook URL may be called: https to a public address. Loopback, private, link-local
 * (169.254.169.254, the cloud metadata address, included), unique-local, carrier-grade NAT, multicast
 * and unspecified addresses are refused, as are names resolving to any of them, so that a webhook
 * cannot reach into the server's own network. Checked when a webhook is saved and again immediately
 * before each call (a name can resolve elsewhere later: DNS rebinding). The window that remains is the
 * HTTP client's own lookup a few milliseconds later, which the JVM's address cache (30 s) answers with
 * what the check read unless the entry expires in between; a connection steered then still fails the
 * https certificate check for the name before anything is sent (docs/operations.md, Webhook addresses).
 * {@code allowPrivate} lifts both limits.
 */
public final class WebhookAddress {

    private WebhookAddress() {
    }

    /** Resolves a host name (replaceable in tests). */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public static final Resolver DNS = InetAddress::getAllByName;

    /** Why the URL is refused, in words for the user, or null when it may be called. */
    public static String refusal(String url, boolean allowPrivate, Resolver resolver) {
        if (url == null || url.isBlank()) {
            return "is required";
        }
        if (url.length() > 2000) {
            return "is longer than 2,000 characters";
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "must start with https://";
        }
        if (scheme.equals("http") && !allowPrivate) {
            return "must use https (plain http is allowed only when hashdesk.alerts.allow-private-webhooks is true)";
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return "has no host name";
        }
        if (uri.getUserInfo() != null) {
            return "must not contain a user name or password";
        }
        if (allowPrivate) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return "names a host that does not resolve (" + host + ")";
        }
        for (InetAddress a : addresses) {
            if (internal(a)) {
                return "points to " + a.getHostAddress() + ", a loopback, private or link-local address;"
                        + " webhooks must reach a public address";
            }
        }
        return null;
    }

    /** True for an address inside a host's or a site's own network. */
    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 192 && second == 0
                    && (b[2] & 0xff) == 0) || (first == 198 && (second == 18 || second == 19)) || first >= 240;
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // fc00::/7 unique local
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            boolean v4 = mapped && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0));
            if (v4) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            // 64:ff9b::/96 (NAT64) carries an IPv4 address too.
            if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
