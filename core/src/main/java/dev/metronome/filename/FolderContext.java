package dev.metronome.filename;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Fills gaps in a file's {@link NameParts} from its parent folder names. */
final class FolderContext {

    private FolderContext() {
    }

    /**
     * Merges folder information into {@code file}.
     *
     * @param file    the parts read from the file name; changed in place
     * @param folders parent folder names, nearest first (one or two)
     * @param generic lower-case folder names that are mere containers
     */
    static void apply(NameParts file, List<String> folders, Set<String> generic) {
        String nearest = folders.get(0);
        if (generic.contains(nearest.strip().toLowerCase(Locale.ROOT))) {
            return;
        }
        NameParts folder = NameAnalyzer.analyze(nearest, false);
        String folderSeries = folder.series.value();
        if (folderSeries != null && folder.series.confidence() < 0.2) {
            folderSeries = null;
        }
        boolean sameSeries = folderSeries != null && file.series.present()
                && FilenameParser.looseKey(folderSeries).equals(FilenameParser.looseKey(file.series.value()));
        if (folderSeries != null && (!file.series.present() || file.series.confidence() < 0.2)) {
            file.series = Field.of(folderSeries, 0.6);
            file.note("series from folder '" + nearest + "'");
            sameSeries = true;
        } else if (sameSeries) {
            file.series = Field.of(file.series.value(), Math.min(1.0, file.series.confidence() + 0.05));
            file.note("folder '" + nearest + "' names the same series");
        }
        if (sameSeries) {
            takeVolumeAndYear(file, folder, nearest);
        }
        if (!file.publisher.present() && folder.publisher.confidence() >= 0.8) {
            file.publisher = folder.publisher;
        }
        if (folders.size() > 1 && !file.publisher.present()) {
            String grand = folders.get(1).strip();
            String known = Keywords.publisherGroup(grand.toLowerCase(Locale.ROOT));
            if (known != null) {
                file.publisher = Field.of(known, 0.7);
                file.note("publisher from folder '" + grand + "'");
            } else if (sameSeries && folder.year.present() && !generic.contains(grand.toLowerCase(Locale.ROOT))
                    && !hasDigit(grand) && grand.length() >= 2) {
                file.publisher = Field.of(grand, 0.3);
                file.note("publisher guessed from folder '" + grand + "' above the series folder");
            }
        }
        for (var flag : folder.flags.entrySet()) {
            file.flag(flag.getKey(), flag.getValue() * 0.8);
        }
    }

    private static void takeVolumeAndYear(NameParts file, NameParts folder, String nearest) {
        if (!file.volume.present()) {
            Integer volume = folder.volume.present() ? folder.volume.value() : folder.year.value();
            if (volume != null) {
                file.volume = Field.of(volume, 0.6);
                file.note("volume " + volume + " from folder '" + nearest + "'");
            }
        }
        if (!file.year.present() && folder.year.present()) {
            file.year = Field.of(folder.year.value(), 0.4);
            file.note("year " + folder.year.value() + " from folder '" + nearest + "'");
        }
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
