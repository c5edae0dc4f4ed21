package dev.metronome.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigCommandTest {

    @TempDir
    Path home;

    @Test
    void initWritesAnOwnerOnlyTemplateAndRefusesToOverwrite() throws Exception {
        Path file = home.resolve("cfg/metronome/config.properties");
        Cli.Run init = Cli.run("config", "init", "--config", file.toString());
        assertThat(init.exitCode()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("#metron.user", "#metron.token", "#cache.dir");
        assertThat(Cli.run("config", "init", "--config", file.toString()).exitCode()).isEqualTo(ExitCode.CONFIGURATION);
        assertThat(Cli.run("--config", file.toString(), "config", "init", "--force").exitCode()).isZero();
    }

    @Test
    void optionsBeatEnvironmentWhichBeatsTheFile() throws Exception {
        Path file = Files.writeString(home.resolve("config.properties"), """
                metron.user = file-user
                metron.password = file-secret-password
                metron.url = http://file.example/api/
                cache.dir = /from/file
                jobs = 3
                """);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        GlobalOptions options = new GlobalOptions();
        options.config = file;
        Settings fromFile = Settings.load(options, Map.of(), home);
        assertThat(fromFile.get(Settings.KEY_URL)).isEqualTo("http://file.example/api/");
        assertThat(fromFile.cacheDir()).isEqualTo(Path.of("/from/file"));
        assertThat(fromFile.jobs()).isEqualTo(3);
        assertThat(fromFile.credentials()).isPresent();
        assertThat(fromFile.warnings()).isEmpty();

        Map<String, String> env = Map.of("METRON_URL", "http://env.example/api/", "METRONOME_CACHE_DIR", "/from/env",
                "METRON_TOKEN", "env-token-value");
        Settings fromEnv = Settings.load(options, env, home);
        assertThat(fromEnv.get(Settings.KEY_URL)).isEqualTo("http://env.example/api/");
        assertThat(fromEnv.cacheDir()).isEqualTo(Path.of("/from/env"));
        assertThat(fromEnv.credentials().orElseThrow().isToken()).isTrue();

        options.metronUrl = "http://option.example/api/";
        options.cacheDir = Path.of("/from/option");
        Settings fromOptions = Settings.load(options, env, home);
        assertThat(fromOptions.get(Settings.KEY_URL)).isEqualTo("http://option.example/api/");
        assertThat(fromOptions.cacheDir()).isEqualTo(Path.of("/from/option"));
    }

    @Test
    void metronTimeoutsAndBackoffComeFromTheFileAndBadOnesAreOneLine() throws Exception {
        GlobalOptions options = new GlobalOptions();
        options.config = Files.writeString(home.resolve("timeouts.properties"), """
                metron.connect-timeout = 2
                metron.timeout = 0.5
                metron.retry-backoff = 250ms
                """);
        dev.metronome.metron.MetronSettings metron = Settings.load(options, Map.of(), home).metronSettings(Map.of());
        assertThat(metron.connectTimeout()).isEqualTo(java.time.Duration.ofSeconds(2));
        assertThat(metron.requestTimeout()).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(metron.backoffStart()).isEqualTo(java.time.Duration.ofMillis(250));

        options.config = Files.writeString(home.resolve("defaults.properties"), "");
        dev.metronome.metron.MetronSettings defaults = Settings.load(options, Map.of(), home).metronSettings(Map.of());
        assertThat(defaults.connectTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(defaults.requestTimeout()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(defaults.backoffStart()).isEqualTo(java.time.Duration.ofSeconds(1));

        Path bad = Files.writeString(home.resolve("bad.properties"), "metron.timeout = soon\n");
        Cli.Run run = Cli.run(Map.of(), home, "--config", bad.toString(), "config", "show");
        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
        assertThat(run.err()).contains("bad metron.timeout value", "'soon'").doesNotContain("Exception");
    }

    @Test
    void showMasksSecretsAndNamesTheirSource() throws Exception {
        Path file = Files.writeString(home.resolve("config.properties"), "metron.user = alice\nmetron.password = hunter2-very-secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        ConfigCommand.Show show = new ConfigCommand.Show();
        Cli.Run text = Cli.run("config", "show", "--config", file.toString());
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("alice  [config file]").contains("******** (set)").doesNotContain("hunter2");
        assertThat(text.err()).contains("others can read it");
        Cli.Run json = Cli.run("config", "show", "--json", "--config", file.toString());
        JsonNode node = Json.mapper().readTree(json.out());
        assertThat(node.at("/metron.password/value").asText()).doesNotContain("hunter2");
        assertThat(json.out()).doesNotContain("hunter2");
        assertThat(show).isNotNull();
    }

    @Test
    void badConfigurationIsAConfigurationError() throws Exception {
        GlobalOptions options = new GlobalOptions();
        options.config = home.resolve("missing.properties");
        assertThatThrownBy(() -> Settings.load(options, Map.of(), home)).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIGURATION));
        options.config = null;
        options.metronUrl = "ftp://nope";
        assertThatThrownBy(() -> Settings.load(options, Map.of(), home)).hasMessageContaining("bad Metron URL");
        options.metronUrl = "https://user:pw@metron.cloud/api/";
        assertThatThrownBy(() -> Settings.load(options, Map.of(), home)).hasMessageContaining("do not belong in the URL")
                .hasMessageNotContaining("pw@");
        options.metronUrl = null;
        assertThatThrownBy(() -> Settings.load(options, Map.of("METRON_USER", "bob"), home))
                .hasMessageContaining("METRON_PASS is not");
        assertThat(Cli.run("config", "show", "--metron-url", "ftp://x").exitCode()).isEqualTo(ExitCode.CONFIGURATION);
    }
}
