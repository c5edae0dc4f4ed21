package dev.metronome.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.metron.ScrobbleLedger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scrobble ledger is kept per Metron account: one issue read by two server users is sent to each of their
 * accounts once; a cache made before accounts were kept keeps its rows as the host's own account's.
 */
class ScrobbleLedgerAccountsTest {

    @TempDir
    Path dir;

    @Test
    void eachAccountHasItsOwnLedger() {
        try (MetronCache cache = MetronCache.open(dir, Clock.systemUTC())) {
            cache.record(516881, "", ScrobbleLedger.State.SENT);
            ScrobbleLedger alice = cache.scrobbleLedger("user:alice");
            assertThat(alice.state(516881, "")).isEmpty();
            alice.record(516881, "", ScrobbleLedger.State.PENDING);
            assertThat(cache.scrobbleLedger("user:alice").state(516881, "")).hasValue(ScrobbleLedger.State.PENDING);
            assertThat(cache.scrobbleLedger("user:bob").state(516881, "")).isEmpty();
            alice.forget(516881, "");
            assertThat(alice.state(516881, "")).isEmpty();
            assertThat(cache.state(516881, "")).hasValue(ScrobbleLedger.State.SENT);
        }
    }

    @Test
    void aLedgerFromBeforeAccountsIsTheOwnAccounts() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(MetronCache.FILE_NAME));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE scrobble (issue_id INTEGER NOT NULL, read_key TEXT NOT NULL,"
                    + " state TEXT NOT NULL, PRIMARY KEY (issue_id, read_key))");
            s.execute("INSERT INTO scrobble VALUES (31047, '', 'SENT')");
        }
        try (MetronCache cache = MetronCache.open(dir, Clock.systemUTC())) {
            assertThat(cache.state(31047, "")).hasValue(ScrobbleLedger.State.SENT);
            assertThat(cache.scrobbleLedger("user:alice").state(31047, "")).isEmpty();
        }
        try (MetronCache again = MetronCache.open(dir, Clock.systemUTC())) {
            assertThat(again.state(31047, "")).hasValue(ScrobbleLedger.State.SENT);
        }
    }
}
