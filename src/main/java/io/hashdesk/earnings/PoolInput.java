package io.hashdesk.earnings;

import java.time.Instant;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A pool account as scripts write it (and as the /pools form is parsed). The read-only fields of
 * an answer may be sent back unchanged and are ignored, so a script can PUT what it GOT.
 *
 * @param token write-only: on PUT, null or absent keeps the stored token, a new one replaces it
 */
public record PoolInput(
        Long id,
        @NotBlank(message = "Name the account, e.g. \"Braiins main\".")
        @Size(max = 100, message = "Use at most 100 characters.")
        String name,
        @NotBlank(message = KIND_MESSAGE)
        @Pattern(regexp = "braiins|csv", message = KIND_MESSAGE)
        String kind,
        Long siteId,
        @Size(max = 500, message = "An API token has at most 500 characters.")
        @Pattern(regexp = "[\\x21-\\x7e]*", message = "Paste the token alone: letters, digits and punctuation, no spaces.")
        String token,
        Boolean tokenSet,
        @Size(max = 100, message = "Use at most 100 characters.")
        String address,
        @DecimalMin(value = "0", message = "Enter a threshold from 0 to 100 %.")
        @DecimalMax(value = "100", message = "Enter a threshold from 0 to 100 %.")
        Double thresholdPercent,
        String state,
        String lastError,
        Instant lastFetchAt,
        Long daysStored) {

    static final String KIND_MESSAGE = "Choose braiins (a Braiins Pool account read with its API token) or csv"
            + " (a pool's daily export you upload).";

    /** The default share of the expected earnings below which an account is flagged. */
    public static final double DEFAULT_THRESHOLD = 90;

    PoolInput strip() {
        return new PoolInput(id, name == null ? null : name.strip(), kind == null ? null : kind.strip(), siteId,
                token == null || token.isBlank() ? null : token.strip(), tokenSet,
                address == null || address.isBlank() ? null : address.strip(),
                thresholdPercent == null ? DEFAULT_THRESHOLD : thresholdPercent, state, lastError, lastFetchAt,
                daysStored);
    }
}
