package dev.metronome.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code main} builds only the subcommand the command line names (start-up time), and the whole tree when it must:
 * no name, {@code help}, {@code generate-completion}, an unknown word.
 */
class LazySubcommandsTest {

    @Test
    void theNamedSubcommandIsFoundPastRootOptionsAndTheirValues() {
        assertThat(MetronomeCommand.namedSubcommand("tag", "--id", "5", "a.cbz")).isEqualTo(TagCommand.class);
        assertThat(MetronomeCommand.namedSubcommand("--metron-url", "http://127.0.0.1:1/api/", "-q", "identify", "x"))
                .isEqualTo(IdentifyCommand.class);
        assertThat(MetronomeCommand.namedSubcommand("--cache-dir", "tag", "parse", "x")).isEqualTo(ParseCommand.class);
        assertThat(MetronomeCommand.namedSubcommand("organise", "--dry-run", "x")).isEqualTo(OrganizeCommand.class);
        assertThat(MetronomeCommand.namedSubcommand("serve", "folder", "x")).isEqualTo(ServeCommand.class);
    }

    @Test
    void theWholeTreeWhenTheCommandLineNeedsIt() {
        assertThat(MetronomeCommand.namedSubcommand()).isNull();
        assertThat(MetronomeCommand.namedSubcommand("--version")).isNull();
        assertThat(MetronomeCommand.namedSubcommand("help", "tag")).isNull();
        assertThat(MetronomeCommand.namedSubcommand("generate-completion")).isNull();
        assertThat(MetronomeCommand.namedSubcommand("tga", "x")).isNull();
        assertThat(MetronomeCommand.namedSubcommand("--", "tag")).isNull();
    }

    @Test
    void aCommandLineWithOnlyTheNamedSubcommandRunsItAsTheWholeTreeDoes() {
        String[] args = {"--json", "parse", "X-Men v2 #1 (1991) (c2c).cbr"};
        StringWriter lazy = new StringWriter();
        int lazyCode = MetronomeCommand.commandLine(new PrintWriter(lazy, true), new PrintWriter(lazy, true),
                MetronomeCommand.namedSubcommand(args)).execute(args);
        Cli.Run whole = Cli.run(args);
        assertThat(lazyCode).isEqualTo(whole.exitCode()).isZero();
        assertThat(lazy.toString()).isEqualTo(whole.out()).contains("X-Men");
    }
}
