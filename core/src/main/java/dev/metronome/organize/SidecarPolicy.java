package dev.metronome.organize;

/** What happens to the other files beside archives (covers, {@code .nfo} files) when the archives move. */
public enum SidecarPolicy {
    /**
     * They follow: a file named like its archive ({@code Saga 001.jpg}, {@code Saga 001.nfo}) is renamed with it;
     * other files of a folder whose archives all go to one folder go there too.
     */
    MOVE,
    /** They stay where they are. */
    KEEP
}
