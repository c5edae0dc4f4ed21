package dev.metronome.identify;

import dev.metronome.coverhash.CoverHash;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CoverEvidenceTest {

    private static final CoverHash COVER = CoverHash.parse("ee3983e43987a586");

    private static Evidence withPages(CoverHash... pages) {
        return new Evidence(Path.of("x.cbz"), "f", List.of(), "", Optional.empty(), List.of(),
                pages.length == 0 ? Optional.empty() : Optional.of(pages[0]), "", Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of(pages));
    }

    private static CoverHash flipped(CoverHash hash, int bits) {
        return new CoverHash(hash.bits() ^ ((1L << bits) - 1));
    }

    @Test
    void distanceIsWeighedFromSameCoverToAnotherPicture() {
        assertThat(CoverEvidence.weigh(0).adjustment()).isEqualTo(0.25);
        assertThat(CoverEvidence.weigh(8).adjustment()).isEqualTo(0.2);
        assertThat(CoverEvidence.weigh(14).adjustment()).isEqualTo(0.05);
        assertThat(CoverEvidence.weigh(20)).satisfies(c -> {
            assertThat(c.adjustment()).isZero();
            assertThat(c.reason()).isEmpty();
            assertThat(c.differs()).isFalse();
        });
        assertThat(CoverEvidence.weigh(30)).satisfies(c -> {
            assertThat(c.adjustment()).isNegative();
            assertThat(c.differs()).isTrue();
            assertThat(c.reason()).isEqualTo("cover differs (hash distance 30)");
        });
    }

    @Test
    void theClosestOfTheCoverPagesCounts() {
        // page 0 is a scanner's page, page 1 the cover
        Evidence ev = withPages(flipped(COVER, 33), flipped(COVER, 3));
        CoverEvidence cover = CoverEvidence.of(ev, COVER.hex()).orElseThrow();
        assertThat(cover.distance()).isEqualTo(3);
        assertThat(cover.differs()).isFalse();
        assertThat(CoverEvidence.of(withPages(flipped(COVER, 33)), COVER.hex()).orElseThrow().differs()).isTrue();
    }

    @Test
    void noHashOnEitherSideSaysNothing() {
        assertThat(CoverEvidence.of(withPages(COVER), "")).isEmpty();
        assertThat(CoverEvidence.of(withPages(COVER), null)).isEmpty();
        assertThat(CoverEvidence.of(withPages(COVER), "not-a-hash")).isEmpty();
        assertThat(CoverEvidence.of(withPages(), COVER.hex())).isEmpty();
    }
}
