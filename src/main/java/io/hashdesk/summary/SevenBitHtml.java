package io.hashdesk.summary;

/**
 * An HTML mail body as 7-bit text: every character outside ASCII written as a numeric character
 * reference ({@code −} as {@code &#8722;}), which a mail client shows as the same character. The mailer
 * sends a body that is all ASCII as it is ("7bit") and encodes any other as quoted-printable, which
 * cost more CPU than rendering the summary (every {@code =} of the markup becomes {@code =3D}, and
 * every line is cut at 76 characters).
 */
final class SevenBitHtml {

    /** The longest line SMTP carries: 1000 octets with the CRLF (RFC 5321, 4.5.3.1.6). */
    static final int MAX_LINE = 998;

    private SevenBitHtml() {
    }

    /**
     * The body with its non-ASCII characters as character references; the body unchanged when a line
     * would then be longer than SMTP allows (quoted-printable wraps long lines) or it holds a control
     * character other than tab and line feed (the mailer encodes those in any case).
     */
    static String of(String html) {
        StringBuilder out = null;
        int line = 0;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '\n') {
                line = 0;
            } else if (c < 128) {
                if (c < 32 && c != '\t') {
                    return html;
                }
                line++;
            } else {
                if (out == null) {
                    out = new StringBuilder(html.length() + 256).append(html, 0, i);
                }
                int cp = html.codePointAt(i);
                String ref = "&#" + cp + ";";
                out.append(ref);
                line += ref.length();
                i += Character.charCount(cp) - 1;
                if (line > MAX_LINE) {
                    return html;
                }
                continue;
            }
            if (line > MAX_LINE) {
                return html;
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? html : out.toString();
    }
}
