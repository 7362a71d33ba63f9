package io.hashdesk.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class SevenBitHtmlTest {

    @Test
    void nonAsciiCharactersBecomeCharacterReferences() {
        assertEquals("<p>Mon 23 Nov &#8211; Sun 29 Nov &#183; &#8722;$1,234 &#128161;</p>\n<p>Z&#252;rich</p>",
                SevenBitHtml.of("<p>Mon 23 Nov – Sun 29 Nov · −$1,234 \uD83D\uDCA1</p>\n<p>Zürich</p>"));
    }

    @Test
    void asciiIsLeftAsItIs() {
        String html = "<p style=\"color:#5b6b70\">a &amp; b\tc</p>\n";
        assertSame(html, SevenBitHtml.of(html));
    }

    @Test
    void unchangedWhenALineWouldBeLongerThanSmtpCarries() {
        // 990 characters and two references of 6: 1,002 characters on one line, over the 998 SMTP carries.
        String near = "x".repeat(990) + "··";
        assertSame(near, SevenBitHtml.of(near));
        String fits = "x".repeat(984) + "··\n" + "y".repeat(998);
        assertEquals("x".repeat(984) + "&#183;&#183;\n" + "y".repeat(998), SevenBitHtml.of(fits));
        String tooLongAscii = "é\n" + "y".repeat(999);
        assertSame(tooLongAscii, SevenBitHtml.of(tooLongAscii));
    }

    @Test
    void unchangedWithAControlCharacter() {
        String html = "<p>–</p>\r\n";
        assertSame(html, SevenBitHtml.of(html));
    }
}
