package dev.metronome.organize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The journal of one run: every planned move, written and fsynced before the first file moves, then a line per
 * move done, then {@code complete}; {@code undo} marks a reversal in progress.
 *
 * <p>One record per line: the CRC-32 of the JSON in hex, a space, the JSON. A line cut short by a crash fails its
 * check and is ignored, as is everything after it.
 */
public final class Journal implements AutoCloseable {

    /** The journal files' extension. */
    public static final String EXTENSION = ".journal";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a journal says, read back. */
    public record Contents(String runId, String kind, Instant created, List<Path> roots, List<Move> moves,
                           List<Path> createdFolders, boolean planned, BitSet done, boolean complete, boolean undoStarted) {
    }

    private final Path file;
    private final FileChannel channel;

    private Journal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** The journal's file. */
    public Path file() {
        return file;
    }

    /** The run id: the file name without the extension. */
    public String runId() {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - EXTENSION.length());
    }

    /**
     * Creates a journal holding the whole plan, fsynced (with its folder) before this returns.
     *
     * @param createdFolders the folders the run will create, so that an undo removes them
     */
    static Journal create(Path file, String kind, Instant now, List<Path> roots, List<Move> moves,
                          List<Path> createdFolders, Checkpoint checkpoint) throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Journal journal = new Journal(file, channel);
        try {
            StringBuilder plan = new StringBuilder();
            ObjectNode header = JSON.createObjectNode().put("type", "header").put("version", 1)
                    .put("kind", kind).put("created", now.toString());
            ArrayNode rootList = header.putArray("roots");
            roots.forEach(r -> rootList.add(r.toString()));
            plan.append(line(header));
            for (int i = 0; i < moves.size(); i++) {
                Move move = moves.get(i);
                plan.append(line(JSON.createObjectNode().put("type", "move").put("n", i).put("from", move.from().toString())
                        .put("to", move.to().toString()).put("sidecar", move.sidecar())));
            }
            ObjectNode planned = JSON.createObjectNode().put("type", "planned").put("moves", moves.size());
            ArrayNode folders = planned.putArray("created_folders");
            createdFolders.forEach(f -> folders.add(f.toString()));
            plan.append(line(planned));
            journal.write(plan.toString());
            channel.force(true);
            FileMover.syncFolder(file.getParent());
            checkpoint.reached("journal written");
            return journal;
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /** Opens an existing journal to append to it. */
    static Journal append(Path file) throws IOException {
        return new Journal(file, FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    }

    /** Records a move as done (not fsynced on its own: the disk says where a file is, the line only saves a look). */
    void done(int n) throws IOException {
        write(line(JSON.createObjectNode().put("type", "done").put("n", n)));
    }

    /** Records a move that failed, and why. */
    void failed(int n, String reason) throws IOException {
        write(line(JSON.createObjectNode().put("type", "failed").put("n", n).put("reason", reason)));
    }

    /** Records the run as complete, fsynced. */
    void complete() throws IOException {
        write(line(JSON.createObjectNode().put("type", "complete")));
        channel.force(true);
    }

    /** Records that an undo has started, fsynced: from now on the run only goes backwards. */
    void undoStarted() throws IOException {
        write(line(JSON.createObjectNode().put("type", "undo")));
        channel.force(true);
    }

    private void write(String text) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static String line(JsonNode node) {
        String json = node.toString();
        CRC32 crc = new CRC32();
        crc.update(json.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().toHexDigits((int) crc.getValue()) + " " + json + "\n";
    }

    /** Reads a journal; a torn or damaged line ends the reading. */
    public static Contents read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String runId = name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
        String kind = "organize";
        Instant created = Instant.EPOCH;
        List<Path> roots = new ArrayList<>();
        List<Move> moves = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        BitSet done = new BitSet();
        boolean planned = false;
        boolean complete = false;
        boolean undo = false;
        for (String text : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n")) {
            JsonNode node = parse(text);
            if (node == null) {
                break;
            }
            switch (node.path("type").asText()) {
                case "header" -> {
                    kind = node.path("kind").asText("organize");
                    created = Instant.parse(node.path("created").asText(Instant.EPOCH.toString()));
                    node.path("roots").forEach(r -> roots.add(Path.of(r.asText())));
                }
                case "move" -> {
                    if (!planned) {
                        moves.add(new Move(Path.of(node.path("from").asText()), Path.of(node.path("to").asText()),
                                node.path("sidecar").asBoolean()));
                    }
                }
                case "planned" -> {
                    planned = node.path("moves").asInt(-1) == moves.size();
                    node.path("created_folders").forEach(f -> folders.add(Path.of(f.asText())));
                }
                case "done" -> done.set(node.path("n").asInt());
                case "complete" -> complete = true;
                case "undo" -> undo = true;
                default -> {
                    // a record of a later version: ignored
                }
            }
        }
        return new Contents(runId, kind, created, roots, planned ? moves : List.of(), folders, planned, done, complete, undo);
    }

    private static JsonNode parse(String text) {
        int space = text.indexOf(' ');
        if (space != 8) {
            return null;
        }
        String json = text.substring(9);
        CRC32 crc = new CRC32();
        crc.update(json.getBytes(StandardCharsets.UTF_8));
        if (!text.substring(0, 8).equals(HexFormat.of().toHexDigits((int) crc.getValue()))) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }
}
