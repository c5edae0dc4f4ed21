package dev.metronome.cache;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

/**
 * sqlite-jdbc's native library, loaded from a copy kept in the cache folder. Left to itself, sqlite-jdbc unpacks the
 * library from its jar into the temp folder on every start and deletes it at exit: about 0.2 s of every command.
 * The copy lives in {@code <cache>/native/<crc>/}, named by the CRC-32 the jar stores for the library, and is used
 * only while its size and CRC match the jar's entry (checked on each start, about a millisecond); a missing or
 * different copy is written again (temp file in the same folder, checked, fsynced, renamed). Anything unusual (no
 * jar, an explicit {@code org.sqlite.lib.path}, an unwritable cache) leaves sqlite-jdbc to do as it always did.
 */
final class SqliteNative {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteNative.class);
    private static final AtomicBoolean DONE = new AtomicBoolean();
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteNative() {
    }

    /**
     * Points sqlite-jdbc at the copy of its library in this cache folder, making it first if needed. Only the first
     * call in a process does anything (the library is loaded once per process).
     *
     * @param cacheDir the cache folder
     */
    static void useCopyIn(Path cacheDir) {
        if (!DONE.compareAndSet(false, true) || System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        copyIn(cacheDir).ifPresent(library -> {
            System.setProperty(NAME_PROPERTY, library.getFileName().toString());
            System.setProperty(PATH_PROPERTY, library.getParent().toString());
        });
    }

    /**
     * The copy of the library in this cache folder, checked against the jar's entry, written when missing or
     * different; empty when there is none to make (no jar) or it cannot be made.
     */
    static Optional<Path> copyIn(Path cacheDir) {
        return copyIn(cacheDir, org.sqlite.util.LibraryLoaderUtil::getNativeLibResourcePath);
    }

    /**
     * As {@link #copyIn(Path)}, with the jar folder of this platform's library given by a function: sqlite-jdbc's
     * own asks the system ({@code uname -o}, a child process: about 50 ms of every start). Its answer is remembered
     * in {@code <cache>/native/sqlite.properties} with what it depends on (the jar's path, size and time, the OS
     * and architecture), so that later starts neither ask nor read the jar while those stay the same and the copy
     * still has the remembered size and CRC.
     */
    static Optional<Path> copyIn(Path cacheDir, Supplier<String> resourceFolder) {
        Path memo = cacheDir.resolve("native").resolve(MEMO);
        String key = jarKey();
        Optional<Path> remembered = remembered(cacheDir, memo, key);
        if (remembered.isPresent()) {
            return remembered;
        }
        try {
            String name = org.sqlite.util.LibraryLoaderUtil.getNativeLibName();
            String resource = resourceFolder.get() + "/" + name;
            URL url = org.sqlite.SQLiteJDBCLoader.class.getResource(resource);
            if (url == null) {
                return Optional.empty();
            }
            URLConnection connection = url.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                return Optional.empty(); // classes from a folder (an IDE): nothing to save
            }
            JarEntry entry = jar.getJarEntry();
            if (entry == null || entry.getCrc() < 0 || entry.getSize() < 0) {
                return Optional.empty();
            }
            Path folder = cacheDir.resolve("native").resolve(String.format(Locale.ROOT, "sqlite-%08x", entry.getCrc()));
            Path library = folder.resolve(name);
            if (!matches(library, entry.getSize(), entry.getCrc())) {
                write(connection, folder, library, entry);
            }
            remember(memo, key, cacheDir.relativize(library), entry);
            return Optional.of(library);
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.debug("sqlite-jdbc unpacks its native library itself: {}", e.toString());
            return Optional.empty();
        }
    }

    private static final String MEMO = "sqlite.properties";

    /** What the platform's library depends on: sqlite-jdbc's jar (path, size, time), the OS and architecture. */
    private static String jarKey() {
        try {
            var source = org.sqlite.SQLiteJDBCLoader.class.getProtectionDomain().getCodeSource();
            Path jar = Path.of(source.getLocation().toURI());
            return jar + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis() + "|"
                    + System.getProperty("os.name") + "|" + System.getProperty("os.arch");
        } catch (Exception e) {
            return ""; // nothing to key on: nothing is remembered
        }
    }

    private static Optional<Path> remembered(Path cacheDir, Path memo, String key) {
        if (key.isEmpty() || !Files.isRegularFile(memo)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(memo)) {
            properties.load(in);
            if (!key.equals(properties.getProperty("key"))) {
                return Optional.empty();
            }
            Path library = cacheDir.resolve(properties.getProperty("library", "")).normalize();
            boolean ok = library.startsWith(cacheDir.resolve("native")) && matches(library,
                    Long.parseLong(properties.getProperty("size", "-1")),
                    Long.parseLong(properties.getProperty("crc", "-1")));
            return ok ? Optional.of(library) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged memo: the library is found again, and the memo rewritten
        }
    }

    private static void remember(Path memo, String key, Path library, JarEntry entry) {
        if (key.isEmpty()) {
            return;
        }
        Properties properties = new Properties();
        properties.setProperty("key", key);
        properties.setProperty("library", library.toString().replace('\\', '/'));
        properties.setProperty("size", Long.toString(entry.getSize()));
        properties.setProperty("crc", Long.toString(entry.getCrc()));
        Path temp = memo.resolveSibling("." + MEMO + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            try (var out = Files.newOutputStream(temp)) {
                properties.store(out, "sqlite-jdbc's native library for this jar and platform (Metronome)");
            }
            Files.move(temp, memo, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Cannot remember the native library: {}", e.toString()); // found again next time
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a stray temp file in the cache is harmless
            }
        }
    }

    private static void write(URLConnection connection, Path folder, Path library, JarEntry entry) throws IOException {
        Files.createDirectories(folder);
        Path temp = folder.resolve("." + library.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            if (!matches(temp, entry.getSize(), entry.getCrc())) {
                throw new IOException("the unpacked copy does not match the jar's entry");
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Whether a file has this size and CRC-32. */
    static boolean matches(Path file, long size, long crc) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) != size) {
            return false;
        }
        CRC32 sum = new CRC32();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(buffer.clear()) > 0) {
                sum.update(buffer.flip());
            }
        }
        return sum.getValue() == crc;
    }
}
