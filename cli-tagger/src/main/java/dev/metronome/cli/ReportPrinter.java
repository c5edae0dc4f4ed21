package dev.metronome.cli;

import dev.metronome.core.Problems;
import dev.metronome.tagging.CandidateScore;
import dev.metronome.tagging.FileReport;
import dev.metronome.tagging.RunReport;
import dev.metronome.tagging.Summary;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The end of a batch in text: a summary table, then each file that needs attention and the command that settles it. */
final class ReportPrinter {

    private ReportPrinter() {
    }

    static void print(RunReport report, PrintWriter out, String command, boolean withTable) {
        Summary s = report.summary();
        long written = report.files().stream().filter(FileReport::written).count();
        if (withTable) {
            out.println();
            out.println("Summary");
            out.printf("  files       %6d%n", s.files());
            out.printf("  matched     %6d%s%n", s.matched(), command.equals("tag") ? "   (" + written + " written)" : "");
            out.printf("  ambiguous   %6d%n", s.ambiguous());
            out.printf("  no match    %6d%n", s.noMatch());
            out.printf("  errors      %6d%n", s.errors());
            if (s.notReached() > 0) {
                out.printf("  not reached %6d   (the run stopped before them: see the last line)%n", s.notReached());
            }
            out.printf("  requests    %6s%s%n", s.requests().getOrDefault("total", 0), outcomes(s.requests()));
            out.printf("  elapsed     %6.1f s%n", s.elapsedMs() / 1000.0);
        }
        renames(out, report.files());
        section(out, "Ambiguous (settle each with the command shown)", report.files(), "ambiguous", command);
        section(out, "No match (see what was understood with metronome parse)", report.files(), "no-match", command);
        section(out, "Errors", report.files(), "error", command);
    }

    /** The renames of --fix-extensions, and the files it could not rename. */
    private static void renames(PrintWriter out, List<FileReport> files) {
        List<String> lines = files.stream().flatMap(f -> f.evidence().stream())
                .filter(e -> e.startsWith("renamed ") || e.contains("was not renamed") || e.contains("could not be renamed"))
                .toList();
        if (lines.isEmpty()) {
            return;
        }
        out.println();
        out.println("Renamed (--fix-extensions)");
        lines.forEach(line -> out.println("  " + line));
    }

    private static String outcomes(Map<String, Object> requests) {
        Object byOutcome = requests.get("by_outcome");
        if (byOutcome instanceof Map<?, ?> map && !map.isEmpty()) {
            return "   (" + map.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(", ")) + ")";
        }
        return "";
    }

    private static void section(PrintWriter out, String title, List<FileReport> files, String status, String command) {
        List<FileReport> selected = files.stream().filter(f -> f.status().equals(status)).toList();
        if (selected.isEmpty()) {
            return;
        }
        out.println();
        out.println(title);
        for (FileReport file : selected) {
            out.println("  " + Problems.printable(file.path()));
            if (file.error() != null) {
                out.println("      " + Problems.printable(file.error()));
            }
            file.evidence().stream().limit(3).forEach(e -> out.println("      " + e));
            if (!file.candidates().isEmpty()) {
                out.println("      candidates: " + file.candidates().stream().limit(5)
                        .map(ReportPrinter::candidate).collect(Collectors.joining(", ")));
                out.println("      settle: metronome " + command + " --id " + file.candidates().get(0).issueId() + " "
                        + quote(file.path()));
            } else if (status.equals("no-match")) {
                out.println("      check:  metronome parse " + quote(file.path()));
            }
        }
    }

    private static String candidate(CandidateScore c) {
        return c.issueId() + (c.label() == null || c.label().isBlank() ? "" : " " + c.label()) + String.format(" (%.2f)", c.score());
    }

    /** The path quoted for a POSIX shell; with control characters (a newline) as {@code $'...'}, on one line. */
    static String quote(String path) {
        if (Problems.printable(path).equals(path)) {
            return "'" + path.replace("'", "'\\''") + "'";
        }
        StringBuilder out = new StringBuilder("$'");
        path.codePoints().forEach(c -> {
            if (c == '\'' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('\'').toString();
    }
}
