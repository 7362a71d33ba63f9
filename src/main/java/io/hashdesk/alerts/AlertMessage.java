package io.hashdesk.alerts;

import java.util.Map;

/**
 * What an alert says: a subject saying what to do, a plain text (readable as a Slack or Mattermost
 * message) and the figures behind it.
 */
public record AlertMessage(String subject, String text, Map<String, Object> details) {
}
