package dev.metronome.metron;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Metron credentials: a username and password (HTTP Basic) or a token (Bearer, preferred). The secret leaves this
 * class only as the Authorization header value, and only to {@link AuthLayer}; {@link #toString()} masks it.
 */
public final class MetronCredentials {

    /** Environment variable holding the username. */
    public static final String ENV_USER = "METRON_USER";
    /** Environment variable holding the password. */
    public static final String ENV_PASS = "METRON_PASS";
    /** Environment variable holding the token. */
    public static final String ENV_TOKEN = "METRON_TOKEN";

    private final String user;
    private final char[] secret;
    private final boolean bearer;

    private MetronCredentials(String user, char[] secret, boolean bearer) {
        this.user = user;
        this.secret = secret;
        this.bearer = bearer;
    }

    /** Username and password, sent as HTTP Basic. */
    public static MetronCredentials basic(String user, String password) {
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            throw new MetronException(MetronException.Kind.CONFIGURATION, 0,
                    "Metron credentials need both a username and a password.");
        }
        if (user.contains(":")) {
            throw new MetronException(MetronException.Kind.CONFIGURATION, 0,
                    "A Metron username cannot contain ':'.");
        }
        return new MetronCredentials(user, password.toCharArray(), false);
    }

    /** A Metron API token, sent as {@code Authorization: Bearer}. */
    public static MetronCredentials token(String token) {
        if (token == null || token.isBlank()) {
            throw new MetronException(MetronException.Kind.CONFIGURATION, 0, "The Metron token is empty.");
        }
        return new MetronCredentials(null, token.trim().toCharArray(), true);
    }

    /**
     * Reads credentials from environment variables: {@code METRON_TOKEN} first, else {@code METRON_USER} and
     * {@code METRON_PASS}.
     *
     * @param env the environment (inject {@code System.getenv()} in production, a map in tests)
     * @return the credentials, or empty when none are set
     */
    public static Optional<MetronCredentials> fromEnvironment(Map<String, String> env) {
        String token = env.get(ENV_TOKEN);
        if (token != null && !token.isBlank()) {
            return Optional.of(token(token));
        }
        String user = env.get(ENV_USER);
        String pass = env.get(ENV_PASS);
        if ((user == null || user.isBlank()) && (pass == null || pass.isEmpty())) {
            return Optional.empty();
        }
        if (user == null || user.isBlank() || pass == null || pass.isEmpty()) {
            throw new MetronException(MetronException.Kind.CONFIGURATION, 0,
                    "Set both " + ENV_USER + " and " + ENV_PASS + ", or " + ENV_TOKEN + ".");
        }
        return Optional.of(basic(user, pass));
    }

    /** Whether this is a token. */
    public boolean isToken() {
        return bearer;
    }

    /**
     * A stable, non-secret name for the account, used to share one rate limiter per account: the username, or a
     * short SHA-256 digest of the token.
     */
    public String accountKey() {
        if (!bearer) {
            return "user:" + user;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(new String(secret).getBytes(StandardCharsets.UTF_8));
            return "token:" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The Authorization header value. Package-private: only {@link AuthLayer} may see it. */
    String authorizationHeader() {
        if (bearer) {
            return "Bearer " + new String(secret);
        }
        String pair = user + ":" + new String(secret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return bearer ? "MetronCredentials[token=****]" : "MetronCredentials[user=" + user + ", password=****]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetronCredentials other && bearer == other.bearer && Objects.equals(user, other.user)
                && java.util.Arrays.equals(secret, other.secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, bearer);
    }
}
