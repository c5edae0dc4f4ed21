package dev.metronome.cli;

import dev.metronome.api.ComicMetadata;
import dev.metronome.api.FileResult;
import dev.metronome.core.Metronome;
import dev.metronome.metron.MetronException;
import dev.metronome.spi.ApplyMode;
import dev.metronome.spi.HostServices;
import dev.metronome.spi.LibraryServer;
import dev.metronome.spi.LibraryServerProvider;
import dev.metronome.spi.LibraryServerProviders;
import dev.metronome.spi.LibraryServerSync;
import dev.metronome.spi.Scrobbler;
import dev.metronome.spi.ServerException;
import dev.metronome.spi.ServerSettings;
import dev.metronome.spi.SyncOptions;
import dev.metronome.spi.SyncState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/** {@code metronome serve komga|folder}: runs beside a library server (or a folder) and tags books as they arrive. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs beside a library server and tags its books as they arrive.",
        subcommands = {ServeCommand.Komga.class, ServeCommand.Folder.class, ServeKavita.class},
        footer = {"", "Examples:",
                "  KOMGA_API_KEY=... metronome serve komga --url http://localhost:25600 --mode patch",
                "  metronome serve folder ~/comics/incoming",
                "  KAVITA_API_KEY=... metronome serve kavita --url http://localhost:5000"})
final class ServeCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @ParentCommand
    MetronomeCommand parent;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What both servers share: settings, the engine, the state in the cache, running until stopped. */
    abstract static class Server extends UsesEnvironment {
        @Spec
        CommandSpec spec;

        @ParentCommand
        ServeCommand serve;

        @Mixin
        GlobalOptions global;

        @Option(names = "--review-port", paramLabel = "N", description = "Also serve the review page (the books left "
                + "undecided) on this port (0: any free one); it listens on 127.0.0.1 unless --review-bind is given.")
        Integer reviewPort;

        @Option(names = "--review-bind", paramLabel = "ADDRESS", description = "With --review-port: listen on this address instead of 127.0.0.1.")
        String reviewBind;

        /** The review page while it runs (tests read its URL). */
        volatile dev.metronome.review.ReviewServer review;

        /** Counted down to stop the service (tests); SIGINT/SIGTERM do it too. */
        final CountDownLatch stop = new CountDownLatch(1);
        volatile LibraryServerSync running;

        abstract String providerId();

        abstract ServerSettings serverSettings();

        abstract SyncOptions syncOptions(LibraryServer server, String serverKey, Scrobbler scrobbler) throws ServerException;

        boolean scrobble() {
            return false;
        }

        /** Other server users whose reads go to other Metron accounts: server user (lower case) to account. */
        Map<String, String> scrobbleUsers() {
            return Map.of();
        }

        /** The config file's keys (empty when there is none). */
        Properties configFile() {
            GlobalOptions options = global.with(serve == null || serve.parent == null ? null : serve.parent.global());
            Path file = Settings.load(options, env, home).configFile();
            Properties p = new Properties();
            if (Files.isRegularFile(file)) {
                try (Reader r = Files.newBufferedReader(file)) {
                    p.load(r);
                } catch (IOException e) {
                    throw new UserError(ExitCode.CONFIGURATION, "cannot read the config file " + file + ": " + e.getMessage());
                }
            }
            return p;
        }

        @Override
        public Integer call() throws Exception {
            GlobalOptions options = global.with(serve == null || serve.parent == null ? null : serve.parent.global());
            PrintWriter out = spec.commandLine().getOut();
            Settings settings = Settings.load(options, env, home);
            Metronome.Builder builder = Metronome.builder().settings(settings.metronSettings(env))
                    .cacheDir(settings.cacheDir()).jobs(settings.jobs()).strictComicInfo(settings.strictComicInfo())
                    .pauseWhenUnavailable(dev.metronome.metron.Availability.HOST_PAUSE);
            builder.credentials(settings.requireCredentials());
            LibraryServerProvider provider = LibraryServerProviders.find(providerId()).orElseThrow(() ->
                    new UserError(ExitCode.FATAL, "no library-server provider '" + providerId() + "' on the class path"));
            dev.metronome.metron.MetronCredentials credentials = settings.requireCredentials();
            Map<String, String> scrobbleUsers = scrobbleUsers();
            try (Metronome metronome = builder.build();
                 dev.metronome.cache.MetronSession scrobbleSession = scrobble() || !scrobbleUsers.isEmpty()
                         ? dev.metronome.cache.MetronSession.open(settings.metronSettings(env), credentials,
                         settings.cacheDir(), Clock.systemUTC(), dev.metronome.metron.Sleeper.SYSTEM) : null;
                 ScrobbleAccounts accounts = scrobbleSession == null ? null : ScrobbleAccounts.open(scrobbleSession,
                         credentials, scrobble(), scrobbleUsers, settings.metronSettings(env), settings.cacheDir(), env,
                         scrobbleUsers.isEmpty() ? new Properties() : configFile(), spec.commandLine().getErr())) {
                HostServices host = (archive, metadata, convert) -> afterWrite(write(metronome, archive, metadata, convert), settings);
                SyncState state = metronome.cache().<SyncState>map(CacheSyncState::new).orElseGet(SyncState::inMemory);
                try (LibraryServer server = provider.connect(serverSettings(), host)) {
                    String serverKey = providerId() + ":" + serverKeySuffix();
                    Scrobbler scrobbler = accounts == null ? Scrobbler.none() : scrobblerOver(accounts);
                    try (LibraryServerSync sync = new LibraryServerSync(server, metronome, state,
                            syncOptions(server, serverKey, scrobbler), Clock.systemUTC())) {
                        running = sync;
                        sync.start();
                        try (dev.metronome.review.ReviewServer page = reviewPort == null ? null
                                : ReviewHosting.startForServer(metronome, sync, settings.cacheDir(), reviewBind,
                                        reviewPort, out)) {
                            review = page;
                            out.printf("metronome: serving %s %s (%s); Ctrl-C stops%n", server.info().name(),
                                    server.info().version(), serverKeySuffix());
                            out.flush();
                            Runnable restore = Interrupts.install(stop::countDown, spec.commandLine().getErr());
                            try {
                                stop.await();
                            } finally {
                                restore.run();
                                review = null;
                            }
                        }
                        out.printf("metronome: stopped; %d books tagged, %d failed%n", sync.taggedCount(), sync.failedCount());
                    }
                }
            } catch (ServerException e) {
                throw new UserError(ExitCode.CONFIGURATION, e.getMessage());
            } catch (MetronException e) {
                throw new UserError(ErrorHandler.exitCodeFor(e), e.getMessage());
            }
            return ExitCode.OK;
        }

        abstract String serverKeySuffix();

        /**
         * The sync options of a library server: {@code --library} names to ids, {@code --file-library} libraries in
         * file mode, the rest in the default mode.
         */
        static SyncOptions serverSyncOptions(LibraryServer server, String serverKey, ApplyMode mode, List<String> libraries,
                                             List<String> fileLibraries, Scrobbler scrobbler) throws ServerException {
            List<String> ids = libraries.isEmpty() ? List.of() : LibraryServerProviders.libraryIds(server, libraries);
            Map<String, ApplyMode> modes = new LinkedHashMap<>();
            for (String id : fileLibraries.isEmpty() ? List.<String>of() : LibraryServerProviders.libraryIds(server, fileLibraries)) {
                modes.put(id, ApplyMode.FILE);
            }
            return new SyncOptions(serverKey, ids, mode, modes, scrobbler);
        }

        /** What happens to a file once tagged (the folder server can organise it); returns where it is now. */
        Path afterWrite(Path written, Settings settings) throws IOException {
            return written;
        }

        /**
         * The host's write for an adapter: the metadata the adapter handed (Kavita's series name, say), merged with
         * the file's own, never a fresh record from Metron (which could move the book to another series or chapter).
         */
        static Path write(Metronome metronome, Path archive, ComicMetadata metadata, boolean convert) throws IOException {
            if (TaggedIssue.metronId(metadata).isEmpty()) {
                throw new IOException("the metadata carries no Metron issue id: " + archive);
            }
            FileResult result = metronome.write(archive, metadata, convert);
            if (result.outcome() != FileResult.Outcome.TAGGED && result.outcome() != FileResult.Outcome.UNCHANGED) {
                throw new IOException(archive + ": " + result.reason());
            }
            return result.file();
        }

        /** Reports a finished book to the Metron collection of its reader's account, through the cache and limiter. */
        private static Scrobbler scrobblerOver(ScrobbleAccounts accounts) {
            return new Scrobbler() {
                @Override
                public void readCompleted(long issueId) {
                    accounts.readCompleted(issueId, null);
                }

                @Override
                public void readCompleted(long issueId, String serverUser) {
                    accounts.readCompleted(issueId, serverUser);
                }
            };
        }
    }

    /** {@code metronome serve komga}. */
    @Command(name = "komga", mixinStandardHelpOptions = true,
            description = {"Tags the books of a Komga server: catches up on books without a Metron id, then follows "
                    + "Komga's event stream.", "The API key is read from $KOMGA_API_KEY when --api-key is not given "
                    + "(keep secrets out of the command line).", "Fields the user locked in Komga are left alone "
                    + "unless --override-locks is given. Komga tells an API key only about its own user's reading, so "
                    + "--scrobble sees one user."},
            footer = {"", "Examples:", "  KOMGA_API_KEY=... metronome serve komga --url http://localhost:25600",
                    "  metronome serve komga --url http://komga:25600 --mode file --path-map /data/comics=/mnt/comics"})
    static final class Komga extends Server {
        @Option(names = "--url", required = true, paramLabel = "URL", description = "Komga's base URL.")
        String url;

        @Option(names = "--api-key", paramLabel = "KEY", description = "An admin API key (default: $KOMGA_API_KEY).")
        String apiKey;

        @Option(names = "--email", paramLabel = "EMAIL", description = "Basic auth instead of a key; the password comes from $KOMGA_PASSWORD.")
        String email;

        @Option(names = "--mode", paramLabel = "MODE", description = "patch (Komga's API, default) or file (ComicInfo.xml, then analyze).")
        ApplyMode mode = ApplyMode.PATCH;

        @Option(names = "--library", paramLabel = "NAME", description = "Only these libraries (repeatable).")
        List<String> libraries = new ArrayList<>();

        @Option(names = "--file-library", paramLabel = "NAME", description = "Libraries tagged in file mode when --mode is patch (repeatable).")
        List<String> fileLibraries = new ArrayList<>();

        @Option(names = "--path-map", paramLabel = "KOMGA=LOCAL", description = "Maps Komga's paths to ours (repeatable).")
        List<String> pathMaps = new ArrayList<>();

        @Option(names = "--convert", description = "In file mode, convert CBR/CB7 to CBZ (Komga then gives the book a new id).")
        boolean convert;

        @Option(names = "--scrobble", description = {"Mark books read in Komga as read in your Metron collection.",
                "Komga tells a key only about its own user's reading: only the key's user is scrobbled."})
        boolean scrobbleReads;

        @Option(names = "--override-locks", description = "Overwrite fields the user locked in Komga (by default they are left alone).")
        boolean overrideLocks;

        @Option(names = "--characters-as-tags", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Send characters and teams as Komga tags (default: on; --no-characters-as-tags turns it off).")
        boolean charactersAsTags = true;

        @Option(names = "--full-catch-up-minutes", paramLabel = "MIN", description = "The least time between two full walks over Komga's books (default: 360); other catch-ups ask only for changed books.")
        Integer fullCatchUpMinutes;

        @Override
        String providerId() {
            return "komga";
        }

        @Override
        String serverKeySuffix() {
            return url;
        }

        @Override
        boolean scrobble() {
            return scrobbleReads;
        }

        @Override
        ServerSettings serverSettings() {
            Map<String, List<String>> values = new LinkedHashMap<>();
            values.put("url", List.of(url));
            String key = apiKey != null ? apiKey : env.get("KOMGA_API_KEY");
            if (key != null) {
                values.put("api-key", List.of(key));
            }
            if (email != null) {
                values.put("email", List.of(email));
                if (env.get("KOMGA_PASSWORD") != null) {
                    values.put("password", List.of(env.get("KOMGA_PASSWORD")));
                }
            }
            if (key == null && email == null) {
                throw new UserError(ExitCode.CONFIGURATION, "give Komga's API key (--api-key or $KOMGA_API_KEY), or --email with $KOMGA_PASSWORD");
            }
            if (!pathMaps.isEmpty()) {
                values.put("path-map", pathMaps);
            }
            values.put("convert-to-cbz", List.of(String.valueOf(convert)));
            values.put("override-locks", List.of(String.valueOf(overrideLocks)));
            values.put("characters-as-tags", List.of(String.valueOf(charactersAsTags)));
            if (fullCatchUpMinutes != null) {
                values.put("full-catch-up-minutes", List.of(String.valueOf(fullCatchUpMinutes)));
            }
            return ServerSettings.ofMulti(values);
        }

        @Override
        SyncOptions syncOptions(LibraryServer server, String serverKey, Scrobbler scrobbler) throws ServerException {
            if (mode == ApplyMode.PATCH && !server.capabilities().contains(dev.metronome.spi.Capability.PATCH)) {
                throw new ServerException("Patch mode needs a Komga account with the ADMIN role; use --mode file (with"
                        + " the library's files visible here) or an admin's API key.");
            }
            return serverSyncOptions(server, serverKey, mode, libraries, fileLibraries, scrobbler);
        }
    }

    /** {@code metronome serve folder DIR}. */
    @Command(name = "folder", mixinStandardHelpOptions = true,
            description = "Watches a folder (and its sub-folders) and tags archives as they appear, once they stop growing.",
            footer = {"", "Example:", "  metronome serve folder ~/comics/incoming --settle-ms 5000"})
    static final class Folder extends Server {
        @Parameters(paramLabel = "DIR", description = "The folder to watch.")
        Path folder;

        @Option(names = "--settle-ms", paramLabel = "MS", description = "How long a file must stop growing first (default: 2000).")
        long settleMs = 2000;

        @Option(names = "--convert", description = "Convert CBR/CB7 to CBZ so that they can be tagged.")
        boolean convert;

        @Option(names = "--fix-extensions", description = "Rename a tagged .cbr/.cb7/.cbt whose content is a ZIP to .cbz "
                + "(the folder setting fix-extensions).")
        boolean fixExtensions;

        @Option(names = "--organize", description = "Organise each archive once tagged, with the organize template, "
                + "journalled (undo reverses it); default: the serve.folder.organize setting, off.")
        boolean organize;

        private final Object organizing = new Object();

        @Override
        String providerId() {
            return "folder";
        }

        @Override
        Path afterWrite(Path written, Settings settings) throws IOException {
            if (!organize && !OrganizeSettings.folderOrganize(settings)) {
                return written;
            }
            Path root = folder.toAbsolutePath().normalize();
            var options = new dev.metronome.organize.Planner.Options(
                    dev.metronome.organize.NameTemplate.parse(OrganizeSettings.template(settings, null)),
                    dev.metronome.organize.SafeNames.DEFAULT, java.util.Optional.of(root), OrganizeSettings.sidecars(settings, null), 1);
            synchronized (organizing) {
                var plan = new dev.metronome.organize.Planner(options).plan(List.of(written));
                if (plan.moves().isEmpty()) {
                    return written;
                }
                var runs = OrganizeSupport.runs(OrganizeSettings.journalDir(settings, null), env);
                try (AutoCloseable lock = runs.lock()) {
                    var result = runs.execute("organize", List.of(root), plan.moves());
                    return result.outcomes().stream().filter(o -> o.status() == dev.metronome.organize.RunResult.Status.MOVED)
                            .map(o -> o.move()).filter(m -> m.from().equals(written.toAbsolutePath().normalize()))
                            .map(dev.metronome.organize.Move::to).findFirst().orElse(written);
                } catch (IOException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
        }

        @Override
        String serverKeySuffix() {
            return folder.toAbsolutePath().toString();
        }

        @Override
        ServerSettings serverSettings() {
            return ServerSettings.of(Map.of("folder", folder.toString(), "settle-ms", String.valueOf(settleMs),
                    "convert-to-cbz", String.valueOf(convert), "fix-extensions", String.valueOf(fixExtensions)));
        }

        @Override
        SyncOptions syncOptions(LibraryServer server, String serverKey, Scrobbler scrobbler) {
            return SyncOptions.of(serverKey, ApplyMode.FILE).withScrobbler(scrobbler);
        }
    }
}
