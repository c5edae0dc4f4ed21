package dev.metronome.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SPI's values grown for soft deletes, several files and roots, per-user events, imports and capabilities. */
class SpiValuesTest {

    @Test
    void theOldBookConstructorMakesALiveBookWithItsOneFile() {
        Book b = new Book("B1", "L1", "S1", "one", "/data/one.cbz", 10, Instant.EPOCH, BookSummary.EMPTY);

        assertThat(b.deleted()).isFalse();
        assertThat(b.files()).containsExactly("/data/one.cbz");
    }

    @Test
    void aBookKeepsItsFilesInOrderAndCopiesThem() {
        List<String> files = new ArrayList<>(List.of("/data/v1/a.cbz", "/data/v1/b.cbz"));
        Book b = new Book("B1", "L1", "S1", "v1", "/data/v1/a.cbz", 10, Instant.EPOCH, BookSummary.EMPTY, true, files);
        files.clear();

        assertThat(b.deleted()).isTrue();
        assertThat(b.files()).containsExactly("/data/v1/a.cbz", "/data/v1/b.cbz");
        assertThat(b.extension()).isEqualTo("cbz");
    }

    @Test
    void aBookWithoutAFileListListsItsMainFile() {
        Book nullFiles = new Book("B1", "L1", null, "x", "/x.cbr", 1, Instant.EPOCH, BookSummary.EMPTY, false, null);
        Book emptyFiles = new Book("B1", "L1", null, "x", "/x.cbr", 1, Instant.EPOCH, BookSummary.EMPTY, false,
                List.of());

        assertThat(nullFiles.files()).containsExactly("/x.cbr");
        assertThat(emptyFiles.files()).containsExactly("/x.cbr");
        assertThatThrownBy(() -> new Book("B1", "L1", null, "x", null, 1, Instant.EPOCH, BookSummary.EMPTY, false,
                List.of("/y.cbz"))).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aBookEventNamesItsUserOrNone() {
        assertThat(new BookEvent(BookEvent.Type.ADDED, "B1", "L1").userId()).isNull();
        BookEvent read = new BookEvent(BookEvent.Type.READ_COMPLETED, "B1", "L1", "U7");
        assertThat(read.userId()).isEqualTo("U7");
        assertThat(read).isNotEqualTo(new BookEvent(BookEvent.Type.READ_COMPLETED, "B1", "L1"));
    }

    @Test
    void aLibraryHasSeveralRootsAndItsFirstIsItsRoot() {
        Library many = new Library("L1", "Comics", List.of("/data/a", "/data/b"));
        Library one = new Library("L2", "Manga", "/data/manga");
        Library none = new Library("L3", "Unknown", (String) null);

        assertThat(many.root()).isEqualTo("/data/a");
        assertThat(many.roots()).containsExactly("/data/a", "/data/b");
        assertThat(one.roots()).containsExactly("/data/manga");
        assertThat(one.root()).isEqualTo("/data/manga");
        assertThat(none.roots()).isEmpty();
        assertThat(none.root()).isNull();
        assertThat(new Library("L4", "Null", (List<String>) null).roots()).isEmpty();
    }

    @Test
    void anApplyResultNamesTheNewBookOnlyWhenThereIsOne() {
        assertThat(new ApplyResult(ApplyMode.FILE, "written").newBookId()).isNull();
        assertThat(new ApplyResult(ApplyMode.FILE, "imported", "B2").newBookId()).isEqualTo("B2");
    }

    @Test
    void aServerClaimsNoCapabilityUnlessItSaysSo() {
        assertThat(new InMemoryLibraryServer().capabilities()).isEmpty();
        LibraryServer komgaLike = new InMemoryLibraryServer() {
            @Override
            public Set<Capability> capabilities() {
                return EnumSet.of(Capability.PATCH, Capability.READ_PROGRESS);
            }
        };
        assertThat(komgaLike.capabilities()).containsExactlyInAnyOrder(Capability.PATCH, Capability.READ_PROGRESS);
        assertThat(Capability.values()).extracting(Enum::name)
                .containsExactly("PATCH", "FILE", "EVENTS", "READ_PROGRESS", "IMPORT");
    }
}
