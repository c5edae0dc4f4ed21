package dev.metronome.comicinfo;

import dev.metronome.api.ComicMetadata;
import dev.metronome.api.Credit;
import dev.metronome.api.ExternalId;
import dev.metronome.api.IdSource;
import dev.metronome.api.IssueNumber;
import dev.metronome.api.MergePolicy;
import dev.metronome.api.MetadataMerger;
import dev.metronome.api.ReadingDirection;
import dev.metronome.api.Resource;
import dev.metronome.api.YesNo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The re-tag rules: what a file's metadata becomes when Metronome tags it again from Metron.
 *
 * <p><b>The same issue</b> (the file names no other issue):
 * <ul>
 *   <li>Metron's fields replace the old ones ({@link MergePolicy#INCOMING_WINS}); fields Metron leaves empty
 *       keep their old values;</li>
 *   <li>credits in roles Metron does not give for the issue (a Translator, say) are kept;</li>
 *   <li>web links and ids of other sources are kept, Metron's first and primary.</li>
 * </ul>
 * <p><b>Another issue</b> (a retag with {@code --id}, or a file that named a wrong issue): nothing tied to the old
 * issue survives (ids, GTIN, links, locations, arcs, prices, series group, credits, characters, teams, dates...);
 * only the user's own fields are kept: tags, review, rating, pages and bookmarks, manga and reading direction,
 * black-and-white, scan information, unknown elements and the user's text in Notes.
 *
 * <p>Either way, Notes gets exactly one {@link MetronomeStamp} line; other tools' tagging lines are replaced.
 */
public final class Retag {

    private Retag() {
    }

    /**
     * The metadata to write.
     *
     * @param existing   what the file says now ({@link ComicMetadata#EMPTY} if it has no metadata)
     * @param fromMetron the metadata mapped from Metron
     * @param stamp      the Notes line for this tagging
     */
    public static ComicMetadata merge(ComicMetadata existing, ComicMetadata fromMetron, MetronomeStamp stamp) {
        if (!sameIssue(existing, fromMetron)) {
            return usersOwn(existing, fromMetron).toBuilder().notes(stamp.applyTo(existing.notes())).build();
        }
        ComicMetadata merged = MetadataMerger.merge(existing, fromMetron, MergePolicy.INCOMING_WINS);
        return merged.toBuilder()
                .credits(keepRolesMetronLacks(existing.credits(), fromMetron.credits()))
                .notes(stamp.applyTo(existing.notes()))
                .build();
    }

    /**
     * Whether the file's metadata describes the incoming issue, as far as it tells: an issue id of one source
     * on both sides decides (Metron first); without one, the series and the number do, when both sides have them.
     */
    public static boolean sameIssue(ComicMetadata existing, ComicMetadata incoming) {
        for (IdSource source : List.of(IdSource.METRON, IdSource.COMIC_VINE, IdSource.GCD)) {
            Optional<String> old = issueId(existing, source);
            Optional<String> fresh = issueId(incoming, source);
            if (old.isPresent() && fresh.isPresent()) {
                return old.get().equals(fresh.get());
            }
        }
        boolean numbersKnown = !existing.number().isEmpty() && !incoming.number().isEmpty();
        if (numbersKnown && !sameNumber(existing.number(), incoming.number())) {
            return false;
        }
        String oldSeries = seriesKey(existing.series().name());
        String newSeries = seriesKey(incoming.series().name());
        return oldSeries.isEmpty() || newSeries.isEmpty() || oldSeries.contains(newSeries) || newSeries.contains(oldSeries);
    }

    private static Optional<String> issueId(ComicMetadata m, IdSource source) {
        Optional<String> id = m.id(source, ExternalId.Kind.ISSUE).map(ExternalId::value).filter(v -> !v.isBlank());
        if (id.isPresent()) {
            return id;
        }
        List<NoteIds.NoteId> inNotes = NoteIds.read(m.notes()).stream().filter(n -> n.source() == source).toList();
        return inNotes.isEmpty() ? Optional.empty() : Optional.of(Long.toString(inNotes.get(inNotes.size() - 1).id()));
    }

    private static boolean sameNumber(IssueNumber a, IssueNumber b) {
        if (a.sortKey().isPresent() && b.sortKey().isPresent()) {
            return a.sortKey().get().compareTo(b.sortKey().get()) == 0;
        }
        return a.raw().strip().equalsIgnoreCase(b.raw().strip());
    }

    private static String seriesKey(String name) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("\\([^)]*\\)", " ").replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        return key.startsWith("the ") ? key.substring(4) : key;
    }

    /** Metron's metadata with only the user's own fields taken from the file. */
    private static ComicMetadata usersOwn(ComicMetadata existing, ComicMetadata fromMetron) {
        boolean mangaKnown = existing.manga() != YesNo.UNKNOWN || existing.readingDirection() != ReadingDirection.UNKNOWN;
        return fromMetron.toBuilder()
                .tags(existing.tags().isEmpty() ? fromMetron.tags() : existing.tags())
                .review(existing.review())
                .communityRating(existing.communityRating().or(fromMetron::communityRating))
                .pages(existing.pages())
                .manga(mangaKnown ? existing.manga() : fromMetron.manga())
                .readingDirection(mangaKnown ? existing.readingDirection() : fromMetron.readingDirection())
                .blackAndWhite(existing.blackAndWhite() == YesNo.UNKNOWN ? fromMetron.blackAndWhite() : existing.blackAndWhite())
                .scanInformation(existing.scanInformation())
                .unknownElements(existing.unknownElements())
                .build();
    }

    /**
     * Metron's credits, plus the file's credits in roles Metron gives nobody for this issue (compared by the
     * ComicInfo element a role fills, so a file's Inker is covered by Metron's Artist).
     */
    static List<Credit> keepRolesMetronLacks(List<Credit> existing, List<Credit> fromMetron) {
        if (fromMetron.isEmpty()) {
            return existing;
        }
        Set<String> covered = new HashSet<>();
        for (Credit credit : fromMetron) {
            for (String role : credit.roleNames()) {
                covered.add(roleKey(role));
                CreditRoleMapping.fieldsFor(role).forEach(field -> covered.add(field.name()));
            }
        }
        Map<String, Credit> byName = new LinkedHashMap<>();
        fromMetron.forEach(credit -> byName.putIfAbsent(credit.name().toLowerCase(Locale.ROOT), credit));
        for (Credit credit : existing) {
            List<Resource> kept = new ArrayList<>();
            for (Resource role : credit.roles()) {
                Set<CreditField> fields = CreditRoleMapping.fieldsFor(role.name());
                boolean isCovered = fields.isEmpty() ? covered.contains(roleKey(role.name()))
                        : fields.stream().allMatch(field -> covered.contains(field.name()));
                if (!isCovered) {
                    kept.add(role);
                }
            }
            if (kept.isEmpty() || credit.name().isEmpty()) {
                continue;
            }
            String key = credit.name().toLowerCase(Locale.ROOT);
            Credit same = byName.get(key);
            if (same == null) {
                byName.put(key, new Credit(credit.person(), kept));
            } else {
                List<Resource> roles = new ArrayList<>(same.roles());
                kept.stream().filter(r -> !same.hasRole(r.name())).forEach(roles::add);
                byName.put(key, new Credit(same.person(), roles));
            }
        }
        return new ArrayList<>(byName.values());
    }

    private static String roleKey(String role) {
        return "role:" + role.strip().toLowerCase(Locale.ROOT);
    }
}
