package dev.metronome.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds {@link LibraryServerProvider}s on the class path, skipping those built for another SPI version. */
public final class LibraryServerProviders {

    private static final System.Logger LOG = System.getLogger(LibraryServerProviders.class.getName());

    private LibraryServerProviders() {
    }

    /**
     * Every compatible provider visible to a class loader.
     *
     * @param loader the class loader to search
     * @return the providers, in discovery order
     */
    public static List<LibraryServerProvider> all(ClassLoader loader) {
        List<LibraryServerProvider> out = new ArrayList<>();
        for (ServiceLoader.Provider<LibraryServerProvider> p : ServiceLoader.load(LibraryServerProvider.class, loader)
                .stream().toList()) {
            try {
                LibraryServerProvider provider = p.get();
                if (provider.spiVersion() == LibraryServerProvider.SPI_VERSION) {
                    out.add(provider);
                } else {
                    LOG.log(System.Logger.Level.WARNING, "Ignoring library-server provider " + provider.id()
                            + ": built for SPI version " + provider.spiVersion() + ", this is "
                            + LibraryServerProvider.SPI_VERSION);
                }
            } catch (ServiceConfigurationError e) {
                LOG.log(System.Logger.Level.WARNING, "Ignoring a library-server provider that cannot load: "
                        + e.getMessage());
            }
        }
        return out;
    }

    /**
     * The compatible provider with an id, ignoring case.
     *
     * @param id e.g. {@code komga}
     * @return the provider, if one is installed
     */
    public static Optional<LibraryServerProvider> find(String id) {
        String key = id.toLowerCase(Locale.ROOT);
        return all(Thread.currentThread().getContextClassLoader()).stream()
                .filter(p -> p.id().toLowerCase(Locale.ROOT).equals(key)).findFirst();
    }

    /**
     * The ids of the libraries with these names on a server (for options such as {@code --library NAME}).
     *
     * @param server the connected server
     * @param names  library names, matched ignoring case; empty for all libraries
     * @return the ids, in the order of the names; empty when no names were given
     * @throws ServerException naming the first unknown library and the ones that exist
     */
    public static List<String> libraryIds(LibraryServer server, List<String> names) throws ServerException {
        if (names.isEmpty()) {
            return List.of();
        }
        List<Library> libraries = server.libraries();
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            Library match = libraries.stream().filter(l -> l.name().equalsIgnoreCase(name.strip())).findFirst()
                    .orElseThrow(() -> new ServerException("No library named '" + name + "' on " + server.info().name()
                            + "; it has " + libraries.stream().map(Library::name).toList() + "."));
            ids.add(match.id());
        }
        return ids;
    }
}
