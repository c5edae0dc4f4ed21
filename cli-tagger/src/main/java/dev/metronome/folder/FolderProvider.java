package dev.metronome.folder;

import dev.metronome.spi.HostServices;
import dev.metronome.spi.LibraryServer;
import dev.metronome.spi.LibraryServerProvider;
import dev.metronome.spi.ServerException;
import dev.metronome.spi.ServerSettings;
import dev.metronome.spi.SettingSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The {@code folder} provider: tags archives as they appear in a directory ({@code metronome serve folder DIR}). */
public final class FolderProvider implements LibraryServerProvider {

    /** The directory to watch. */
    public static final SettingSpec FOLDER = SettingSpec.required("folder", "The directory to watch (with sub-folders)");
    /** How long a file must stay unchanged before it is tagged, in milliseconds. */
    public static final SettingSpec SETTLE_MS = SettingSpec.optional("settle-ms",
            "How long a new file must stop growing before it is tagged, in milliseconds", "2000");
    /** Whether CBR/CB7 may be converted to CBZ. */
    public static final SettingSpec CONVERT = SettingSpec.optional("convert-to-cbz",
            "Convert read-only formats (CBR, CB7) to CBZ when tagging", "false");

    /** Whether a tagged .cbr/.cb7/.cbt whose content is a ZIP is renamed to .cbz. */
    public static final SettingSpec FIX_EXTENSIONS = SettingSpec.optional("fix-extensions",
            "Rename a tagged .cbr/.cb7/.cbt whose content is a ZIP to .cbz (off: servers key books by path)", "false");

    @Override
    public String id() {
        return "folder";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(FOLDER, SETTLE_MS, CONVERT, FIX_EXTENSIONS);
    }

    @Override
    public LibraryServer connect(ServerSettings settings, HostServices host) throws ServerException {
        Path folder = Path.of(settings.require(FOLDER.name())).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new ServerException("The folder " + folder + " does not exist or is not a directory.");
        }
        long settle;
        try {
            settle = Long.parseLong(settings.get(SETTLE_MS).orElseThrow());
            if (settle < 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new ServerException("The setting 'settle-ms' must be a number of milliseconds >= 0.");
        }
        return new FolderServer(folder, host, Duration.ofMillis(settle),
                Boolean.parseBoolean(settings.get(CONVERT).orElseThrow()),
                Boolean.parseBoolean(settings.get(FIX_EXTENSIONS).orElseThrow()), Clock.systemUTC());
    }
}
