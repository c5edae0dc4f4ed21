package dev.metronome.archive;

import com.github.junrar.exception.CorruptHeaderException;
import com.github.junrar.exception.CrcErrorException;
import com.github.junrar.exception.NotRarArchiveException;
import com.github.junrar.exception.UnsupportedRarEncryptedException;
import com.github.junrar.exception.UnsupportedRarVersionException;
import com.github.junrar.exception.WrongPasswordException;
import org.apache.commons.compress.PasswordRequiredException;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipException;

/**
 * Opens comic archives. The format comes from the content, never the extension:
 * <pre>{@code
 * try (ComicArchive archive = Archives.open(path)) {
 *     List<ArchiveEntry> pages = archive.pages();
 *     Optional<byte[]> comicInfo = archive.readMetadata("ComicInfo.xml");
 * }
 * }</pre>
 */
public final class Archives {

    /** The extensions of files treated as comic archives (lower case, without the dot). */
    public static final java.util.Set<String> FILE_EXTENSIONS = java.util.Set.of("cbz", "cbr", "cb7", "cbt", "zip", "rar",
            "7z");

    /**
     * Whether a file name is a comic archive's by its extension (any letter case), and not a hidden file.
     *
     * @param name a file name, without folders
     * @return true for {@code Saga 001.CBZ}, false for {@code .Saga 001.cbz} or {@code cover.jpg}
     */
    public static boolean isArchiveName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && !name.startsWith(".")
                && FILE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The comic archives in a folder and its subfolders, sorted by path.
     *
     * @param folder the folder to walk
     * @return regular files with an archive name (hidden files left out)
     * @throws IOException when a folder cannot be listed
     */
    public static java.util.List<Path> under(Path folder) throws java.io.IOException {
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(folder)) {
            return walk.filter(java.nio.file.Files::isRegularFile)
                    .filter(p -> isArchiveName(p.getFileName().toString())).sorted().toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Archives() {
    }

    /** Opens an archive with default options. */
    public static ComicArchive open(Path path) throws ArchiveException {
        return open(path, OpenOptions.DEFAULT);
    }

    /**
     * Opens an archive.
     *
     * @throws ArchiveException with one clear sentence naming the file and the cause: not an archive, corrupt,
     *                          encrypted, unreadable...
     */
    public static ComicArchive open(Path path, OpenOptions options) throws ArchiveException {
        ArchiveFormat format = detect(path);
        try {
            return switch (format) {
                case CBZ -> new ZipComicArchive(path, options.limits());
                case CBR -> new RarComicArchive(path, options);
                case CB7 -> new SevenZComicArchive(path, options);
                case CBT -> new TarComicArchive(path, options.limits());
            };
        } catch (ArchiveException e) {
            throw e;
        } catch (IOException | RuntimeException | LinkageError e) {
            throw translate(path, e, "cannot read the " + format + " archive");
        }
    }

    /** Detects the format of a file from its content, with a clear error when it is no archive. */
    public static ArchiveFormat detect(Path path) throws ArchiveException {
        try {
            if (Files.isDirectory(path)) {
                throw new ArchiveException(path, ArchiveException.Reason.NOT_AN_ARCHIVE, "is a folder, not an archive");
            }
            if (Files.size(path) == 0) {
                throw new ArchiveException(path, ArchiveException.Reason.NOT_AN_ARCHIVE, "is an empty file");
            }
            Optional<ArchiveFormat> format = FormatDetector.detect(path);
            if (format.isEmpty()) {
                throw new ArchiveException(path, ArchiveException.Reason.NOT_AN_ARCHIVE,
                        "is not a comic archive (its content is " + FormatDetector.detectType(path) + ")");
            }
            return format.get();
        } catch (ArchiveException e) {
            throw e;
        } catch (IOException e) {
            throw translate(path, e, "cannot be read");
        }
    }

    /** Turns any failure of a library into an {@link ArchiveException} with one clear sentence. */
    static ArchiveException translate(Path path, Throwable e, String context) {
        if (e instanceof ArchiveException archiveException) {
            return archiveException;
        }
        if (e instanceof WrongPasswordException) {
            return new ArchiveException(path, ArchiveException.Reason.WRONG_PASSWORD, "the password is wrong", e);
        }
        if (e instanceof UnsupportedRarEncryptedException || e instanceof PasswordRequiredException) {
            return new ArchiveException(path, ArchiveException.Reason.ENCRYPTED,
                    "the archive is encrypted; supply its password to read it", e);
        }
        if (e instanceof NoSuchFileException) {
            return new ArchiveException(path, ArchiveException.Reason.UNREADABLE, "does not exist", e);
        }
        if (e instanceof AccessDeniedException) {
            return new ArchiveException(path, ArchiveException.Reason.UNREADABLE, "permission denied", e);
        }
        if (e instanceof UnsupportedRarVersionException) {
            return new ArchiveException(path, ArchiveException.Reason.UNSUPPORTED, "this RAR version is not supported", e);
        }
        if (e instanceof CrcErrorException) {
            return new ArchiveException(path, ArchiveException.Reason.CORRUPT, context + ": CRC error (the archive is corrupt)", e);
        }
        if (e instanceof EOFException) {
            return new ArchiveException(path, ArchiveException.Reason.CORRUPT, context + ": the archive is truncated", e);
        }
        if (e instanceof CorruptHeaderException || e instanceof NotRarArchiveException || e instanceof ZipException
                || e instanceof org.apache.commons.compress.archivers.ArchiveException) {
            return new ArchiveException(path, ArchiveException.Reason.CORRUPT, context + ": " + describe(e), e);
        }
        if (e instanceof OutOfMemoryError || e instanceof StackOverflowError) {
            return new ArchiveException(path, ArchiveException.Reason.HOSTILE, context + ": it needs more memory than allowed", e);
        }
        return new ArchiveException(path, ArchiveException.Reason.CORRUPT, context + ": " + describe(e), e);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        // keep it to one line
        return text.lines().findFirst().orElse(text).strip();
    }
}
