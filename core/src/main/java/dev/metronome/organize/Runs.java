package dev.metronome.organize;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Executes journalled runs of moves, completes runs a crash interrupted, and undoes runs.
 *
 * <p>A run writes its journal (the whole plan, fsynced) before the first move, moves each file with the
 * {@link FileMover}, removes the folders it left empty and marks the journal complete. Completed journals stay
 * in the journal folder so that {@link #undo} can reverse them; an undone run's journal is deleted.
 * {@link #recover()} finishes every interrupted run: forwards, or backwards when its undo had started.
 * One process at a time: {@link #lock()}.
 */
public final class Runs {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Path journalFolder;
    private final FileMover mover;
    private final Checkpoint checkpoint;
    private final Clock clock;

    /** Runs journalled in this folder. */
    public Runs(Path journalFolder, FileMover mover, Checkpoint checkpoint, Clock clock) {
        this.journalFolder = journalFolder.toAbsolutePath();
        this.mover = mover;
        this.checkpoint = checkpoint;
        this.clock = clock;
    }

    /** The folder holding the journals. */
    public Path journalFolder() {
        return journalFolder;
    }

    /** Takes the lock that keeps two runs (or a run and an undo) apart; close it to release. */
    public AutoCloseable lock() throws IOException {
        Files.createDirectories(journalFolder);
        FileChannel channel = FileChannel.open(journalFolder.resolve("organize.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("another organize, duplicates or undo run holds " + journalFolder.resolve("organize.lock"));
        }
        FileLock held = lock;
        return () -> {
            held.release();
            channel.close();
        };
    }

    /**
     * Executes moves as one journalled run. Each move that fails leaves its file where it was; the others go on.
     *
     * @param kind  {@code organize} or {@code duplicates}
     * @param roots the library roots: folders are removed only strictly inside them
     */
    public RunResult execute(String kind, List<Path> roots, List<Move> moves) throws IOException {
        java.time.Instant now = clock.instant();
        for (Journal.Contents earlier : list()) {
            if (!now.isAfter(earlier.created())) {
                now = earlier.created().plusNanos(1000); // runs stay in order even when the clock is coarse or went back
            }
        }
        String runId = ID_TIME.format(now) + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt() & 0xffff, 4);
        List<Path> created = foldersToCreate(moves);
        List<RunResult.Outcome> outcomes = new ArrayList<>();
        try (Journal journal = Journal.create(journalFolder.resolve(runId + Journal.EXTENSION), kind, now,
                roots, moves, created, checkpoint)) {
            for (int n = 0; n < moves.size(); n++) {
                Move move = moves.get(n);
                try {
                    mover.move(move.from(), move.to());
                    journal.done(n);
                    outcomes.add(new RunResult.Outcome(move, RunResult.Status.MOVED, ""));
                } catch (FileAlreadyExistsException e) {
                    journal.failed(n, "taken");
                    outcomes.add(new RunResult.Outcome(move, RunResult.Status.CONFLICT, move.to() + " appeared since the plan"));
                } catch (IOException e) {
                    journal.failed(n, oneLine(e));
                    outcomes.add(new RunResult.Outcome(move, RunResult.Status.FAILED, oneLine(e)));
                }
                checkpoint.reached("move " + n + " done");
            }
            List<Path> removed = EmptyFolders.remove(moves.stream().map(m -> m.from().getParent()).toList(), roots);
            journal.complete();
            checkpoint.reached("complete");
            return new RunResult(runId, kind, "run", outcomes, removed);
        }
    }

    /** Every journal, oldest first. */
    public List<Journal.Contents> list() throws IOException {
        if (!Files.isDirectory(journalFolder)) {
            return List.of();
        }
        List<Journal.Contents> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(journalFolder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(Journal.EXTENSION)).sorted().toList()) {
                all.add(Journal.read(file));
            }
        }
        all.sort(Comparator.comparing(Journal.Contents::created).thenComparing(Journal.Contents::runId));
        return all;
    }

    /** Completes (or, when their undo had begun, reverses) every run a crash interrupted. */
    public List<RunResult> recover() throws IOException {
        List<RunResult> results = new ArrayList<>();
        for (Journal.Contents contents : list()) {
            if (contents.complete() && !contents.undoStarted()) {
                continue;
            }
            Path file = journalFolder.resolve(contents.runId() + Journal.EXTENSION);
            if (!contents.planned()) {
                Files.delete(file); // cut off before its plan was whole: nothing had moved
                continue;
            }
            results.add(contents.undoStarted() ? reverse(contents, file) : complete(contents, file));
        }
        return results;
    }

    private RunResult complete(Journal.Contents contents, Path file) throws IOException {
        List<RunResult.Outcome> outcomes = new ArrayList<>();
        try (Journal journal = Journal.append(file)) {
            for (int n = 0; n < contents.moves().size(); n++) {
                Move move = contents.moves().get(n);
                FileMover.State state = mover.settle(move.from(), move.to(), true);
                outcomes.add(switch (state) {
                    case AT_TARGET -> new RunResult.Outcome(move, RunResult.Status.MOVED, "");
                    case AT_SOURCE -> moveNow(move.from(), move.to(), move, RunResult.Status.MOVED);
                    case MISSING -> new RunResult.Outcome(move, RunResult.Status.MISSING, "at neither path");
                    case CONFLICT -> new RunResult.Outcome(move, RunResult.Status.CONFLICT, "another file has the new name");
                });
                journal.done(n);
            }
            List<Path> removed = EmptyFolders.remove(contents.moves().stream().map(m -> m.from().getParent()).toList(),
                    contents.roots());
            journal.complete();
            return new RunResult(contents.runId(), contents.kind(), "completed", outcomes, removed);
        }
    }

    private RunResult.Outcome moveNow(Path from, Path to, Move move, RunResult.Status success) {
        try {
            mover.move(from, to);
            return new RunResult.Outcome(move, success, "");
        } catch (FileAlreadyExistsException e) {
            return new RunResult.Outcome(move, RunResult.Status.CONFLICT, to + " is taken by another file");
        } catch (IOException e) {
            return new RunResult.Outcome(move, RunResult.Status.FAILED, oneLine(e));
        }
    }

    /**
     * Undoes a run: the named one, or the latest run not yet undone. Every file goes back to its old path unless
     * another file has taken that name (then it stays, reported as a conflict); folders the run created and left
     * empty are removed; the journal is deleted.
     */
    public RunResult undo(String runId) throws IOException {
        recoverForwardExcept(runId);
        List<Journal.Contents> all = list();
        Optional<Journal.Contents> chosen = runId == null
                ? all.stream().filter(Journal.Contents::planned).reduce((a, b) -> b)
                : all.stream().filter(c -> c.runId().equals(runId)).findFirst();
        Journal.Contents contents = chosen.orElseThrow(() -> new IOException(runId == null
                ? "there is no run to undo in " + journalFolder : "there is no run " + runId + " in " + journalFolder));
        Path file = journalFolder.resolve(contents.runId() + Journal.EXTENSION);
        try (Journal journal = Journal.append(file)) {
            journal.undoStarted();
        }
        checkpoint.reached("undo started");
        return reverse(contents, file);
    }

    /** Before an undo: other interrupted runs are finished first, so that the file system is in a known state. */
    private void recoverForwardExcept(String runId) throws IOException {
        for (Journal.Contents contents : list()) {
            if ((!contents.complete() || contents.undoStarted()) && !contents.runId().equals(runId)) {
                Path file = journalFolder.resolve(contents.runId() + Journal.EXTENSION);
                if (!contents.planned()) {
                    Files.delete(file);
                } else if (contents.undoStarted()) {
                    reverse(contents, file);
                } else if (runId != null) {
                    complete(contents, file);
                }
            }
        }
    }

    private RunResult reverse(Journal.Contents contents, Path file) throws IOException {
        List<RunResult.Outcome> outcomes = new ArrayList<>();
        List<Move> moves = contents.moves();
        for (int n = moves.size() - 1; n >= 0; n--) {
            Move move = moves.get(n);
            FileMover.State state = mover.settle(move.from(), move.to(), false);
            outcomes.add(switch (state) {
                case AT_SOURCE -> new RunResult.Outcome(move, RunResult.Status.RESTORED, "");
                case AT_TARGET -> moveNow(move.to(), move.from(), move, RunResult.Status.RESTORED);
                case MISSING -> new RunResult.Outcome(move, RunResult.Status.MISSING, "at neither path");
                case CONFLICT -> new RunResult.Outcome(move, RunResult.Status.CONFLICT, "another file has the old name");
            });
            checkpoint.reached("undo " + n + " done");
        }
        Set<Path> folders = new LinkedHashSet<>();
        moves.forEach(m -> folders.add(m.to().getParent()));
        List<Path> removed = new ArrayList<>(EmptyFolders.remove(folders, contents.roots()));
        removed.addAll(EmptyFolders.removeCreated(contents.createdFolders()));
        Files.deleteIfExists(file);
        FileMover.syncFolder(journalFolder);
        java.util.Collections.reverse(outcomes);
        return new RunResult(contents.runId(), contents.kind(), "undone", outcomes, removed);
    }

    private static List<Path> foldersToCreate(List<Move> moves) {
        Set<Path> created = new LinkedHashSet<>();
        for (Move move : moves) {
            List<Path> chain = new ArrayList<>();
            for (Path folder = move.to().getParent(); folder != null && !Files.isDirectory(folder); folder = folder.getParent()) {
                chain.add(0, folder);
            }
            created.addAll(chain);
        }
        return List.copyOf(created);
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            message = "no such file: " + message;
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            message = "permission denied: " + message;
        }
        return message.lines().findFirst().orElse(message).strip();
    }
}
