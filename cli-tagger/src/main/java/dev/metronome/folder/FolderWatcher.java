package dev.metronome.folder;

import dev.metronome.spi.BookEvent;
import dev.metronome.spi.BookEventListener;
import dev.metronome.spi.Subscription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Watches a directory tree with a {@link WatchService} and reports an archive only once its size and modification
 * time have stayed the same for the settle time, so a file still being copied is never tagged half-written.
 * New sub-folders are watched as they appear. If the watch service overflows, every archive is checked again.
 */
final class FolderWatcher implements Subscription {

    private record Seen(long size, Instant modified, Instant since) {
    }

    private final Path root;
    private final BookEventListener listener;
    private final Duration settle;
    private final Clock clock;
    private final Function<Path, String> ids;
    private final Map<Path, Seen> pending = new ConcurrentHashMap<>();
    private final Set<Path> known = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "folder-settle"));
    private final WatchService watch;
    private final Thread reader;
    private volatile boolean closed;

    FolderWatcher(Path root, BookEventListener listener, Duration settle, Clock clock, Function<Path, String> ids) {
        this.root = root;
        this.listener = listener;
        this.settle = settle;
        this.clock = clock;
        this.ids = ids;
        try {
            this.watch = root.getFileSystem().newWatchService();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot watch " + root, e);
        }
        this.reader = daemon(this::run, "folder-watch");
    }

    FolderWatcher start() {
        registerTree(root, false);
        reader.start();
        long tick = Math.max(20, Math.min(500, settle.toMillis() / 4));
        timer.scheduleAtFixedRate(this::settleCheck, tick, tick, TimeUnit.MILLISECONDS);
        listener.onConnected(false);
        return this;
    }

    @Override
    public boolean isConnected() {
        return !closed;
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        try {
            watch.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void run() {
        while (!closed) {
            WatchKey key;
            try {
                key = watch.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            Path dir = (Path) key.watchable();
            for (WatchEvent<?> e : key.pollEvents()) {
                if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                    registerTree(root, true);
                    continue;
                }
                Path p = dir.resolve((Path) e.context());
                if (e.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
                    pending.remove(p);
                    if (known.remove(p)) {
                        listener.onEvent(new BookEvent(BookEvent.Type.DELETED, ids.apply(p), FolderServer.LIBRARY_ID));
                    }
                } else if (Files.isDirectory(p)) {
                    registerTree(p, true);
                } else {
                    observe(p);
                }
            }
            key.reset();
        }
    }

    /** Watches a folder and its sub-folders; with {@code observeFiles}, archives in them are checked too. */
    private void registerTree(Path dir, boolean observeFiles) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.forEach(p -> {
                if (Files.isDirectory(p)) {
                    try {
                        p.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                                StandardWatchEventKinds.ENTRY_DELETE);
                    } catch (IOException e) {
                        // a folder that vanished meanwhile
                    }
                } else if (observeFiles) {
                    observe(p);
                } else if (FolderServer.isArchive(p)) {
                    if (recentlyModified(p)) {
                        observe(p); // maybe still being copied: FolderServer.books() leaves it to us
                    } else {
                        known.add(p);
                    }
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // the tree changed under us; the next event brings us back
        }
    }

    private boolean recentlyModified(Path p) {
        return FolderServer.recentlyModified(p, settle, clock);
    }

    private void observe(Path p) {
        if (!FolderServer.isArchive(p)) {
            return;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            Seen now = new Seen(a.size(), a.lastModifiedTime().toInstant(), clock.instant());
            pending.merge(p, now, (old, fresh) -> old.size() == fresh.size() && old.modified().equals(fresh.modified())
                    ? old : fresh);
        } catch (IOException e) {
            pending.remove(p);
        }
    }

    /** Reports files unchanged for the settle time; re-reads the others' size and time. */
    private void settleCheck() {
        Instant now = clock.instant();
        for (Iterator<Map.Entry<Path, Seen>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Seen> e = it.next();
            Path p = e.getKey();
            observe(p);
            Seen s = pending.get(p);
            if (s == null) {
                continue;
            }
            if (!Duration.between(s.since(), now).minus(settle).isNegative()) {
                it.remove();
                boolean added = known.add(p);
                listener.onEvent(new BookEvent(added ? BookEvent.Type.ADDED : BookEvent.Type.CHANGED, ids.apply(p),
                        FolderServer.LIBRARY_ID));
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
