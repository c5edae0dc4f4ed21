package dev.metronome.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values configured for one server connection. Keys are {@link SettingSpec#name()}s; a key may hold several values
 * (e.g. {@code library}). {@link #toString()} masks every value, since some are secrets.
 */
public final class ServerSettings {

    private final Map<String, List<String>> values;

    private ServerSettings(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.values = Collections.unmodifiableMap(copy);
    }

    /**
     * Settings from single values.
     *
     * @param values key to value
     * @return the settings
     */
    public static ServerSettings of(Map<String, String> values) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        values.forEach((k, v) -> multi.put(k, List.of(v)));
        return new ServerSettings(multi);
    }

    /**
     * Settings from multi-values.
     *
     * @param values key to values
     * @return the settings
     */
    public static ServerSettings ofMulti(Map<String, List<String>> values) {
        return new ServerSettings(values);
    }

    /**
     * The first value of a key.
     *
     * @param name the key
     * @return the value, if set and not blank
     */
    public Optional<String> get(String name) {
        List<String> v = values.getOrDefault(name, List.of());
        return v.isEmpty() || v.get(0) == null || v.get(0).isBlank() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * The first value of a key, or the spec's default.
     *
     * @param spec the setting
     * @return the value or default, if any
     */
    public Optional<String> get(SettingSpec spec) {
        return get(spec.name()).or(spec::defaultValueIfAny);
    }

    /**
     * Every value of a key.
     *
     * @param name the key
     * @return the values, possibly empty
     */
    public List<String> getAll(String name) {
        return values.getOrDefault(name, List.of());
    }

    /**
     * The value of a required key.
     *
     * @param name the key
     * @return the value
     * @throws ServerException naming the missing setting
     */
    public String require(String name) throws ServerException {
        return get(name).orElseThrow(() -> new ServerException("The setting '" + name + "' is required."));
    }

    /**
     * A copy with one more value.
     *
     * @param name  the key
     * @param value the value to add
     * @return the new settings
     */
    public ServerSettings with(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(values);
        List<String> list = new ArrayList<>(copy.getOrDefault(name, List.of()));
        list.add(value);
        copy.put(name, list);
        return new ServerSettings(copy);
    }

    @Override
    public String toString() {
        return "ServerSettings" + values.keySet() + " (values masked)";
    }
}
