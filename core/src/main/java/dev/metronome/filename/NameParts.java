package dev.metronome.filename;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Mutable working copy of a parse result, filled by {@link NameAnalyzer} and merged with folder context. */
final class NameParts {
    String input = "";
    String archive = "";
    Field<String> series = Field.absent();
    Field<IssueNumber> issue = Field.absent();
    Field<Integer> volume = Field.absent();
    Field<Integer> volumeCount = Field.absent();
    Field<Integer> year = Field.absent();
    Field<Integer> issueCount = Field.absent();
    Field<String> title = Field.absent();
    Field<String> publisher = Field.absent();
    Field<String> alternateNumber = Field.absent();
    final Map<ParseFlag, Double> flags = new EnumMap<>(ParseFlag.class);
    Field<String> scanGroup = Field.absent();
    final List<String> variantHints = new ArrayList<>(2);
    final List<String> tags = new ArrayList<>(2);
    String remainder = "";
    final List<String> notes = new ArrayList<>(8);

    void flag(ParseFlag flag, double confidence) {
        flags.merge(flag, confidence, Math::max);
    }

    void note(String text) {
        notes.add(text);
    }

    ParsedName toParsedName(List<String> folders) {
        return new ParsedName(input, folders, archive, series, issue, volume, volumeCount, year, issueCount, title,
                publisher, alternateNumber, flags.keySet(), flags, scanGroup, variantHints, tags, remainder, notes);
    }
}
