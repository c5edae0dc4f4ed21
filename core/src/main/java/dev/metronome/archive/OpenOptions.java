package dev.metronome.archive;

import java.util.Arrays;
import java.util.Optional;

/**
 * How to open an archive: an optional password (RAR and 7z) and the safety limits.
 */
public final class OpenOptions {

    /** No password, default limits. */
    public static final OpenOptions DEFAULT = new OpenOptions(null, ArchiveLimits.DEFAULT);

    private final char[] password;
    private final ArchiveLimits limits;

    private OpenOptions(char[] password, ArchiveLimits limits) {
        this.password = password == null ? null : password.clone();
        this.limits = limits;
    }

    /** These options with a password for encrypted archives. */
    public OpenOptions withPassword(char[] newPassword) {
        return new OpenOptions(newPassword, limits);
    }

    /** These options with other safety limits. */
    public OpenOptions withLimits(ArchiveLimits newLimits) {
        return new OpenOptions(password, newLimits);
    }

    /** The password, if one was given. */
    public Optional<char[]> password() {
        return Optional.ofNullable(password).map(char[]::clone);
    }

    /** The safety limits. */
    public ArchiveLimits limits() {
        return limits;
    }

    @Override
    public String toString() {
        return "OpenOptions[password=" + (password == null ? "none" : "****") + ", limits=" + limits + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpenOptions o && Arrays.equals(password, o.password) && limits.equals(o.limits);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(password) + limits.hashCode();
    }
}
