package dev.metronome.comicinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The validator used by the other tests really rejects invalid files. */
class ComicInfoSchemasTest {

    private static byte[] xml(String body) {
        return ("<?xml version=\"1.0\"?><ComicInfo>" + body + "</ComicInfo>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rejectsWrongOrderBadNumbersAndVersionOnlyElements() throws MetadataException {
        assertThat(ComicInfoSchemas.validate(xml("<Series>S</Series><Title>T</Title>"), ComicInfoVersion.V2_1)).isNotEmpty();
        assertThat(ComicInfoSchemas.validate(xml("<Count>x</Count>"), ComicInfoVersion.V2_1)).isNotEmpty();
        assertThat(ComicInfoSchemas.validate(xml("<GTIN>1</GTIN>"), ComicInfoVersion.V2_0)).isNotEmpty();
        assertThat(ComicInfoSchemas.validate(xml("<GTIN>1</GTIN>"), ComicInfoVersion.V2_1)).isEmpty();
        assertThat(ComicInfoSchemas.validate(xml("<Day>1</Day>"), ComicInfoVersion.V1_0)).isNotEmpty();
        assertThat(ComicInfoSchemas.validate(xml("<CommunityRating>4.25</CommunityRating>"), ComicInfoVersion.V2_1)).isNotEmpty();
        assertThat(ComicInfoSchemas.validate(xml("<Unknown/>"), ComicInfoVersion.V2_1)).isNotEmpty();
    }
}
