package dev.metronome.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * One setting a provider needs, e.g. {@code url} or {@code api-key}.
 *
 * @param name         the key in {@link ServerSettings}, lower-case with dashes
 * @param description  one sentence for help texts
 * @param required     whether {@link LibraryServerProvider#connect} fails without it
 * @param secret       whether the value must be masked in logs and never stored in plain text
 * @param defaultValue the value used when none is given, or null
 */
public record SettingSpec(String name, String description, boolean required, boolean secret, String defaultValue) {

    /** Validates the name and description. */
    public SettingSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a setting needs a name");
        }
    }

    /**
     * A required, non-secret setting without default.
     *
     * @param name        the key
     * @param description one sentence
     * @return the spec
     */
    public static SettingSpec required(String name, String description) {
        return new SettingSpec(name, description, true, false, null);
    }

    /**
     * An optional setting with a default.
     *
     * @param name         the key
     * @param description  one sentence
     * @param defaultValue the default, or null
     * @return the spec
     */
    public static SettingSpec optional(String name, String description, String defaultValue) {
        return new SettingSpec(name, description, false, false, defaultValue);
    }

    /**
     * An optional secret (password, API key).
     *
     * @param name        the key
     * @param description one sentence
     * @return the spec
     */
    public static SettingSpec secret(String name, String description) {
        return new SettingSpec(name, description, false, true, null);
    }

    /**
     * The default value.
     *
     * @return the default, if any
     */
    public Optional<String> defaultValueIfAny() {
        return Optional.ofNullable(defaultValue);
    }
}
