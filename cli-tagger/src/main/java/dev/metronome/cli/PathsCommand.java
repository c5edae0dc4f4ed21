package dev.metronome.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** A maintenance command over archives and folders ({@code validate}, {@code strip}, {@code missing}). */
abstract class PathsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    MetronomeCommand parent;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Archives or folders.")
    List<Path> paths;

    /** The global options, wherever they were given. */
    GlobalOptions options() {
        return global.with(parent == null ? null : parent.global());
    }

    /** The archives of the paths, folders walked. */
    List<Path> archives() throws java.io.IOException {
        return OrganizeSupport.archives(paths);
    }
}
