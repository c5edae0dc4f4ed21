package dev.metronome.core;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Failures in words a user reads: {@code permission denied (PATH)} rather than a bare path,
 * {@code connection refused} rather than {@code ConnectException: null}. One line, never a stack trace.
 */
public final class Problems {

    private Problems() {
    }

    /**
     * One line that says what went wrong.
     *
     * @param e the failure
     * @return e.g. {@code permission denied (/comics/.mt.12-3f.metronome-tmp)} or {@code connection refused}
     */
    public static String describe(Throwable e) {
        return oneLine(words(e));
    }

    private static String words(Throwable e) {
        if (e instanceof java.io.UncheckedIOException && e.getCause() != null) {
            return words(e.getCause());
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied" + file(a);
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder" + file(n);
        }
        if (e instanceof FileAlreadyExistsException f) {
            return "already exists" + file(f);
        }
        if (e instanceof NotDirectoryException d) {
            return "not a folder" + file(d);
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + file(f);
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        if (e instanceof UnknownHostException u) {
            return "unknown host" + (u.getMessage() == null ? "" : " " + u.getMessage());
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The first line of a text, stripped; control characters (a newline in a file name) shown as {@code ?}. */
    public static String oneLine(String text) {
        String first = text == null ? "unknown error" : text.strip();
        int newline = first.indexOf('\n');
        if (newline >= 0) {
            first = first.substring(0, newline).strip();
        }
        return printable(first);
    }

    /** A text with every control character replaced by {@code ?}, so it cannot break a line or a terminal. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    private static String file(FileSystemException e) {
        return e.getFile() == null ? "" : " (" + e.getFile() + ")";
    }
}
