package dev.metronome.organize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Says whether two folders are on the same file system (a rename between them is then atomic). */
@FunctionalInterface
public interface FileStores {

    /** The real answer, from {@link Files#getFileStore}. */
    FileStores REAL = (a, b) -> Objects.equals(Files.getFileStore(a), Files.getFileStore(b));

    /** Whether a file in folder {@code a} can be renamed into folder {@code b}. */
    boolean sameFileSystem(Path a, Path b) throws IOException;
}
