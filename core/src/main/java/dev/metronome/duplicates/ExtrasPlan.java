package dev.metronome.duplicates;

import dev.metronome.organize.Move;
import dev.metronome.organize.SafeNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where {@code --move-extras DIR} puts the copies that are not the best: {@code DIR/<issue>/<file name>}, with a
 * {@code (2)} suffix when a name is taken, so that nothing is overwritten and each group stays together.
 */
public final class ExtrasPlan {

    private ExtrasPlan() {
    }

    /** The moves of every group's other copies into {@code folder}. */
    public static List<Move> moves(List<DuplicateGroup> groups, Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        List<Move> moves = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        for (DuplicateGroup group : groups) {
            Path groupFolder = root.resolve(SafeNames.DEFAULT.folder(group.issue().replace("metron:", "metron ")));
            for (Copy copy : group.others()) {
                String name = copy.path().getFileName().toString();
                int dot = name.lastIndexOf('.');
                String stem = dot > 0 ? name.substring(0, dot) : name;
                String ext = dot > 0 ? name.substring(dot + 1) : "";
                Path target = groupFolder.resolve(name);
                for (int n = 2; Files.exists(target) || !claimed.add(target.toString().toLowerCase(Locale.ROOT)); n++) {
                    target = groupFolder.resolve(SafeNames.DEFAULT.file(stem + " (" + n + ")", ext));
                }
                moves.add(new Move(copy.path().toAbsolutePath().normalize(), target, false));
            }
        }
        return moves;
    }
}
