package dev.metronome.comicinfo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.api.ComicMetadata;
import dev.metronome.api.Credit;
import dev.metronome.api.IssueNumber;
import dev.metronome.api.SeriesInfo;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** Any text survives writing and reading, except what XML cannot carry and surrounding blanks. */
class RoundTripPropertiesTest {

    private static String expected(String text) {
        StringBuilder kept = new StringBuilder();
        text.codePoints().filter(XmlOut::isXmlChar).forEach(kept::appendCodePoint);
        return kept.toString().replace("\r\n", "\n").strip();
    }

    @Property(tries = 300)
    void anyTextRoundTripsThroughComicInfo(@ForAll @StringLength(max = 40) String series, @ForAll @StringLength(max = 40) String notes,
                                           @ForAll @StringLength(max = 40) String number) throws MetadataException {
        ComicMetadata m = ComicMetadata.builder().series(SeriesInfo.named(series)).notes(notes).review(notes).scanInformation(notes)
                .number(IssueNumber.of(number)).build();
        WriteResult written = ComicInfoWriter.defaults().write(m);
        assertThat(ComicInfoSchemas.validate(written.bytes(), ComicInfoVersion.V2_1)).isEmpty();
        ComicMetadata back = new ComicInfoReader().read(written.bytes(), "p").metadata();
        assertThat(back.series().name()).isEqualTo(expected(series));
        assertThat(back.number().raw()).isEqualTo(expected(number));
        assertThat(back.notes()).isEqualTo(expected(notes));
        assertThat(back.review()).isEqualTo(expected(notes));
        assertThat(back.scanInformation()).isEqualTo(expected(notes));
    }

    @Property(tries = 200)
    void anyPlainPersonNameRoundTripsThroughTheCreditLists(@ForAll @StringLength(min = 1, max = 30) String name) throws MetadataException {
        String clean = expected(name).replaceAll("[,;]", " ").replaceAll("\\s+", " ").strip();
        ComicMetadata m = ComicMetadata.builder().addCredit(Credit.of(clean, "Writer")).build();
        ComicMetadata back = new ComicInfoReader().read(ComicInfoWriter.defaults().write(m).bytes(), "p").metadata();
        if (clean.isEmpty()) {
            assertThat(back.credits()).isEmpty();
        } else {
            assertThat(back.credits()).extracting(Credit::name).containsExactly(clean);
        }
    }
}
