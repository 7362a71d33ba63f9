package io.hashdesk.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Mails the test SMTP server ({@link Smtp}) received, read as a person reads them. */
public final class Mails {

    private static final Pattern VERIFY_LINK = Pattern.compile("https?://[^\\s]+(/verify\\?token=[A-Za-z0-9_.-]+)");

    private Mails() {
    }

    /** Every mail to the address whose subject starts with the prefix, oldest first. */
    public static List<MimeMessage> to(String email, String subjectPrefix) {
        List<MimeMessage> out = new ArrayList<>();
        try {
            for (MimeMessage m : Smtp.server().getReceivedMessages()) {
                boolean toAddress = false;
                for (var r : m.getAllRecipients()) {
                    toAddress |= r.toString().equalsIgnoreCase(email);
                }
                if (toAddress && m.getSubject() != null && m.getSubject().startsWith(subjectPrefix)) {
                    out.add(m);
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The text of the newest such mail, waiting up to 20 s for it to arrive. */
    public static String awaitText(String email, String subjectPrefix) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            List<MimeMessage> found = to(email, subjectPrefix);
            if (!found.isEmpty()) {
                try {
                    return found.get(found.size() - 1).getContent().toString().replace("\r\n", "\n");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no mail \"" + subjectPrefix + "...\" to " + email + " within 20 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The plain-text part of a delivered mail (its only part when it has one). */
    public static String text(MimeMessage m) {
        String text;
        try {
            text = plain(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (text == null) {
            throw new AssertionError("the mail has no text/plain part");
        }
        return text.replace("\r\n", "\n");
    }

    private static String plain(jakarta.mail.Part p) throws Exception {
        if (p.isMimeType("text/plain")) {
            return p.getContent().toString();
        }
        if (p.isMimeType("multipart/*")) {
            jakarta.mail.Multipart mp = (jakarta.mail.Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                String found = plain(mp.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The path and token of the verification link in the newest verification mail to the address. */
    public static String verifyPath(String email) {
        String text = awaitText(email, "Confirm your");
        Matcher m = VERIFY_LINK.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no verification link in: " + text);
        }
        return m.group(1);
    }
}
