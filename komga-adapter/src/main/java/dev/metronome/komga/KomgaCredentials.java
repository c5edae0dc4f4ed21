package dev.metronome.komga;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How to authenticate with Komga: an API key (Komga 1.20 and later) and/or a user's email and password for Basic.
 * Secrets never leave this class except as request headers; {@link #toString()} masks them.
 */
final class KomgaCredentials {

    private final String apiKey;
    private final String email;
    private final String password;

    KomgaCredentials(String apiKey, String email, String password) {
        this.apiKey = blankToNull(apiKey);
        this.email = blankToNull(email);
        this.password = password;
    }

    boolean hasApiKey() {
        return apiKey != null;
    }

    boolean hasBasic() {
        return email != null && password != null;
    }

    /** The header for API-key mode. */
    Optional<String[]> apiKeyHeader() {
        return hasApiKey() ? Optional.of(new String[] {"X-API-Key", apiKey}) : Optional.empty();
    }

    /** The header for Basic mode. */
    Optional<String[]> basicHeader() {
        if (!hasBasic()) {
            return Optional.empty();
        }
        String token = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        return Optional.of(new String[] {"Authorization", "Basic " + token});
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "KomgaCredentials[apiKey=" + (hasApiKey() ? "****" : "none") + ", basic=" + (hasBasic() ? "****" : "none") + "]";
    }
}
