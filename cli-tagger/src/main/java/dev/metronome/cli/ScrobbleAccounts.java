package dev.metronome.cli;

import dev.metronome.cache.MetronSession;
import dev.metronome.metron.MetronCredentials;
import dev.metronome.metron.MetronException;
import dev.metronome.metron.MetronSettings;
import dev.metronome.metron.ScrobbleService;
import dev.metronome.metron.Sleeper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where each server user's finished reads go: the host's own Metron account (the key's own user, by default), or
 * another account a {@code --scrobble-user SERVER_USER=METRON_ACCOUNT} names. An account's credentials come only from
 * the environment ({@code $METRON_TOKEN_<ACCOUNT>}, else {@code $METRON_PASS_<ACCOUNT>} with the account as the user
 * name) or the config file ({@code metron.token.<account>}, {@code metron.password.<account>}); they never appear in
 * a message. Each account has its own client (and rate limiter) and its own scrobble ledger in the cache, so a read is
 * sent at most once to each account.
 */
final class ScrobbleAccounts implements AutoCloseable {

    /** The config-file prefix of the mappings: {@code <prefix><server user> = <Metron account>}. */
    static final String CONFIG_PREFIX = "kavita.scrobble-user.";

    /** One account's sender. */
    private record Account(String name, ScrobbleService service) {
    }

    private final ScrobbleService own;
    private final boolean ownUserOn;
    private final Map<String, Account> byUser = new LinkedHashMap<>();
    private final List<MetronSession> sessions = new ArrayList<>();
    private final PrintWriter err;

    private ScrobbleAccounts(ScrobbleService own, boolean ownUserOn, PrintWriter err) {
        this.own = own;
        this.ownUserOn = ownUserOn;
        this.err = err;
    }

    /**
     * Parses the mappings: options first, then the config file's {@value #CONFIG_PREFIX} keys (an option wins).
     *
     * @param options the {@code SERVER_USER=METRON_ACCOUNT} options
     * @param config  the config file
     * @return server user (lower case) to Metron account
     */
    static Map<String, String> mappings(List<String> options, Properties config) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : config.stringPropertyNames()) {
            if (key.startsWith(CONFIG_PREFIX) && key.length() > CONFIG_PREFIX.length()) {
                put(out, key.substring(CONFIG_PREFIX.length()), config.getProperty(key), key);
            }
        }
        for (String option : options) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new UserError(ExitCode.USAGE, "--scrobble-user takes SERVER_USER=METRON_ACCOUNT, not '" + option + "'");
            }
            put(out, option.substring(0, eq), option.substring(eq + 1), "--scrobble-user " + option);
        }
        return out;
    }

    private static void put(Map<String, String> out, String user, String account, String where) {
        if (user.isBlank() || account == null || account.isBlank() || account.contains(":")) {
            throw new UserError(ExitCode.USAGE, where + ": give a server user and a Metron account name");
        }
        out.put(user.strip().toLowerCase(Locale.ROOT), account.strip());
    }

    /**
     * An account's credentials: {@code $METRON_TOKEN_<ACCOUNT>}, {@code $METRON_PASS_<ACCOUNT>}, then the config
     * file's {@code metron.token.<account>} and {@code metron.password.<account>}.
     */
    static MetronCredentials credentials(String account, Map<String, String> env, Properties config) {
        String suffix = account.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        String token = firstSet(env.get("METRON_TOKEN_" + suffix), config.getProperty("metron.token." + account));
        if (token != null) {
            return MetronCredentials.token(token);
        }
        String password = firstSet(env.get("METRON_PASS_" + suffix), config.getProperty("metron.password." + account));
        if (password == null) {
            throw new UserError(ExitCode.CONFIGURATION, "no Metron credentials for the account " + account + ": set $METRON_PASS_"
                    + suffix + " or $METRON_TOKEN_" + suffix + " (or metron.password." + account + " in the config file)");
        }
        try {
            return MetronCredentials.basic(account, password);
        } catch (MetronException e) {
            throw new UserError(ExitCode.CONFIGURATION, "the Metron account " + account + ": " + e.getMessage());
        }
    }

    private static String firstSet(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }

    /**
     * Opens a client per mapped account.
     *
     * @param ownSession     the host's own session (its account and cache)
     * @param ownCredentials the host's own account
     * @param ownUserOn      whether the key's own user's reads are scrobbled (to the own account)
     * @param mappings       server user (lower case) to Metron account
     * @param settings       Metron's settings
     * @param cacheDir       the cache folder
     * @param env            the environment
     * @param config         the config file
     * @param err            where failures are told
     * @return the accounts; close them
     */
    static ScrobbleAccounts open(MetronSession ownSession, MetronCredentials ownCredentials, boolean ownUserOn,
                                 Map<String, String> mappings, MetronSettings settings, Path cacheDir,
                                 Map<String, String> env, Properties config, PrintWriter err) {
        Clock clock = Clock.systemUTC();
        ScrobbleAccounts accounts = new ScrobbleAccounts(new ScrobbleService(ownSession.client(), clock,
                ownSession.cache()), ownUserOn, err);
        Map<String, Account> byAccount = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> m : mappings.entrySet()) {
                Account account = byAccount.get(m.getValue());
                if (account == null) {
                    MetronCredentials credentials = credentials(m.getValue(), env, config);
                    if (credentials.accountKey().equals(ownCredentials.accountKey())) {
                        account = new Account(m.getValue(), accounts.own);
                    } else {
                        MetronSession session = MetronSession.open(settings, credentials, cacheDir, clock, Sleeper.SYSTEM);
                        accounts.sessions.add(session);
                        account = new Account(m.getValue(), new ScrobbleService(session.client(), clock,
                                session.cache().scrobbleLedger(credentials.accountKey())));
                    }
                    byAccount.put(m.getValue(), account);
                }
                accounts.byUser.put(m.getKey(), account);
            }
        } catch (RuntimeException e) {
            accounts.close();
            throw e;
        }
        return accounts;
    }

    /** The Kavita users whose reads are mapped (lower case). */
    List<String> users() {
        return List.copyOf(byUser.keySet());
    }

    /**
     * Sends one read: to the account mapped to the user, else to the own account if the own user's reads are on.
     *
     * @param issueId    the Metron issue
     * @param serverUser who read it, or null when the server does not say
     */
    void readCompleted(long issueId, String serverUser) {
        Account mapped = serverUser == null ? null : byUser.get(serverUser.toLowerCase(Locale.ROOT));
        if (mapped == null && !ownUserOn) {
            return;
        }
        ScrobbleService service = mapped == null ? own : mapped.service();
        String whose = mapped == null ? "" : " (" + serverUser + ", Metron account " + mapped.name() + ")";
        service.scrobble(List.of(new ScrobbleService.Scrobble((int) issueId, null, null))).stream()
                .filter(o -> !o.ok()).forEach(o -> err.println("metronome: scrobble of issue " + issueId + whose
                        + " failed: " + o.error()));
    }

    @Override
    public void close() {
        sessions.forEach(MetronSession::close);
    }
}
