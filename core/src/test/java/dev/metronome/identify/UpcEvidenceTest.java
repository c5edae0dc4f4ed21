package dev.metronome.identify;

import dev.metronome.fixtures.metron.Catalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The UPC path alone, against the fake: what a UPC finds, what it costs, and when it must not decide. */
class UpcEvidenceTest {

    private static final String SAGA_1 = "70985301872700111";
    private static final String SAGA_2 = "70985301872700211";

    private final FakeLookups fake = new FakeLookups(Catalogue.builder()
            .publisher(2, "Image")
            .series(201, "Saga", 2012, 1, 2)
            .series(401, "Invincible", 2003, 1, 2)
            .issue(3001, 201, "1", i -> i.put("upc", SAGA_1).put("cover_date", "2012-03-01"))
            .issue(3002, 201, "2", i -> i.put("upc", SAGA_2).put("cover_date", "2012-04-01"))
            .issue(5001, 401, "1", i -> i.put("cover_date", "2003-01-01"))
            .build());
    private final UpcEvidence upcs = new UpcEvidence(fake.lookups);

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aUpcAloneFindsItsIssueAndTheDetailConfirmsIt() {
        List<String> reasons = new ArrayList<>();
        Identification id = upcs.identify(FakeLookups.evidence(Path.of("scan_0042.cbz"), SAGA_2), SAGA_2, List.of(),
                reasons).orElseThrow();
        assertThat(id.matched()).isTrue();
        assertThat(id.issueId()).isEqualTo(3002L);
        assertThat(id.confidence()).isEqualTo(Scorer.UPC);
        assertThat(fake.requests()).hasSize(2);
        assertThat(fake.requests().get(0)).contains("upc=" + SAGA_2);
        assertThat(fake.requests().get(1)).startsWith("/api/issue/3002/");
    }

    @Test
    void aScanWithAnotherAddOnFindsTheIssueByItsFirstFifteenDigits() {
        String otherPrinting = SAGA_1.substring(0, 15) + "99";
        Identification id = upcs.identify(FakeLookups.evidence(Path.of("x.cbz"), otherPrinting), otherPrinting,
                List.of(), new ArrayList<>()).orElseThrow();
        assertThat(id.issueId()).isEqualTo(3001L);
        assertThat(fake.requests()).anySatisfy(r -> assertThat(r).contains("upc_starts_with=" + SAGA_1.substring(0,
                15)));
    }

    @Test
    void aUpcAgainstConfidentNamesIsForAPersonToSettle() {
        Candidate invincible = new Candidate(5001, 1.1, "Invincible #1");
        List<String> reasons = new ArrayList<>();
        Identification id = upcs.identify(FakeLookups.evidence(Path.of("Invincible 001.cbz"), SAGA_1), SAGA_1,
                List.of(invincible), reasons).orElseThrow();
        assertThat(id.status()).isEqualTo("ambiguous");
        assertThat(id.confidence()).isLessThan(Scorer.ACCEPT);
        assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("the UPC points to"));
    }

    @Test
    void aUpcMetronDoesNotKnowDecidesNothing() {
        List<String> reasons = new ArrayList<>();
        assertThat(upcs.identify(FakeLookups.evidence(Path.of("x.cbz"), "761941200019"), "761941200019", List.of(),
                reasons)).isEmpty();
        assertThat(reasons).contains("UPC 761941200019 is not in Metron");
    }

    @Test
    void anIssueWithoutAUpcNeitherAgreesNorDisagrees() {
        assertThat(UpcEvidence.agrees(fake.lookups.issue(3001).orElseThrow(), SAGA_1)).isTrue();
        assertThat(UpcEvidence.agrees(fake.lookups.issue(3001).orElseThrow(), SAGA_2)).isFalse();
        assertThat(UpcEvidence.agrees(fake.lookups.issue(5001).orElseThrow(), SAGA_1)).isNull();
    }
}
