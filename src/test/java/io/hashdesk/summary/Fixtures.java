package io.hashdesk.summary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import io.hashdesk.account.AccountMails;
import io.hashdesk.account.Operator;
import io.hashdesk.testing.Smtp;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** What the summary tests need beyond io.hashdesk.testing: backdated accounts, time zones and delivered mails. */
final class Fixtures {

    private Fixtures() {
    }

    /** The account and its rigs as if created at {@code accountAt} and {@code rigsAt}. */
    static void backdate(long operatorId, Instant accountAt, Instant rigsAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            Operator.getEntityManager().createQuery("update Operator o set o.createdAt = :at where o.id = :id")
                    .setParameter("at", accountAt).setParameter("id", operatorId).executeUpdate();
            Operator.getEntityManager().createQuery("update RigGroup r set r.createdAt = :at where r.operatorId = :id")
                    .setParameter("at", rigsAt).setParameter("id", operatorId).executeUpdate();
        });
    }

    static void timezone(long operatorId, String zone) {
        QuarkusTransaction.requiringNew().run(() -> Operator.getEntityManager()
                .createQuery("update Operator o set o.timezone = :z where o.id = :id")
                .setParameter("z", zone).setParameter("id", operatorId).executeUpdate());
    }

    /** Summary mails GreenMail received for this address (not the account's own mails, such as the verification link). */
    static List<MimeMessage> mailsTo(String email) {
        List<MimeMessage> out = new ArrayList<>();
        try {
            for (MimeMessage m : Smtp.server().getReceivedMessages()) {
                if (m.getHeader(AccountMails.KIND_HEADER) != null) {
                    continue;
                }
                for (var r : m.getAllRecipients()) {
                    if (r.toString().equalsIgnoreCase(email)) {
                        out.add(m);
                    }
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The part of the given type ("text/plain" or "text/html") of a delivered mail. */
    private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&#([0-9]+);");

    static String part(MimeMessage m, String type) {
        try {
            String found = find(m, type);
            if (found == null) {
                throw new AssertionError("no " + type + " part");
            }
            String body = found.replace("\r\n", "\n");
            // The HTML part travels as 7-bit text, non-ASCII characters as references (SevenBitHtml): read
            // it as a mail client shows it.
            return type.equals("text/html") ? CHARACTER_REFERENCE.matcher(body)
                    .replaceAll(r -> Character.toString(Integer.parseInt(r.group(1)))) : body;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Content-Transfer-Encoding of the message's first part of the type. */
    static String encoding(MimeMessage m, String type) {
        try {
            Part found = findPart(m, type);
            if (found == null) {
                throw new AssertionError("no " + type + " part");
            }
            String[] values = found.getHeader("Content-Transfer-Encoding");
            return values == null ? null : values[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Part findPart(Part p, String type) throws Exception {
        if (p.isMimeType(type)) {
            return p;
        }
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                Part found = findPart(mp.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String find(Part p, String type) throws Exception {
        if (p.isMimeType(type)) {
            return p.getContent().toString();
        }
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                String found = find(b, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static String header(MimeMessage m, String name) {
        try {
            String[] values = m.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps a delivered mail under target/mail-samples/ to look at in a browser. */
    static void keepSample(String name, String html, String text) {
        try {
            Path dir = Path.of("target/mail-samples");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".html"), html);
            Files.writeString(dir.resolve(name + ".txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ZoneId zone(String id) {
        return ZoneId.of(id);
    }
}
