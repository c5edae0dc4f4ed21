package dev.metronome.comicinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** XML parsing allows no DTD and no external entity. */
class XxeTest {

    private final ComicInfoReader reader = new ComicInfoReader();

    @Test
    void externalEntityToEtcPasswdFailsWithAClearError() {
        assertThatThrownBy(() -> reader.read(TestFiles.bytes("/comicinfo-security/xxe-file.xml"), "evil.cbz!ComicInfo.xml"))
                .isInstanceOf(MetadataException.class)
                .hasMessage("evil.cbz!ComicInfo.xml: contains a DOCTYPE declaration; DTDs and entities are not allowed in metadata files")
                .hasMessageNotContaining("root:");
    }

    @Test
    void billionLaughsFailsFastWithAClearError() {
        assertThatThrownBy(() -> reader.read(TestFiles.bytes("/comicinfo-security/billion-laughs.xml"), "lol.cbz!ComicInfo.xml"))
                .isInstanceOf(MetadataException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"external-dtd.xml", "parameter-entity.xml"})
    void otherDoctypesFailToo(String file) {
        assertThatThrownBy(() -> reader.read(TestFiles.bytes("/comicinfo-security/" + file), file))
                .isInstanceOf(MetadataException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<!DOCTYPE ComicInfo>", "<!DOCTYPE ComicInfo [ ]>", "<!DOCTYPE comicinfo>"})
    void aBareDoctypeWithoutEntitiesIsHarmlessAndRead(String doctype) throws MetadataException {
        String xml = "<?xml version=\"1.0\"?>\n" + doctype + "\n<ComicInfo><Series>Saga</Series><Number>3</Number></ComicInfo>";
        ReadResult result = reader.read(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "x.cbz!ComicInfo.xml");
        assertThat(result.metadata().series().name()).isEqualTo("Saga");
    }

    @Test
    void anEntityReferenceWithoutDoctypeReadsAsHarmlessText() throws MetadataException {
        ReadResult result = reader.read(TestFiles.bytes("/comicinfo-security/entity-without-doctype.xml"), "x");
        assertThat(result.metadata().series().name()).isEqualTo("&xxe;");
        assertThat(result.warnings()).singleElement().asString().contains("repaired");
    }
}
