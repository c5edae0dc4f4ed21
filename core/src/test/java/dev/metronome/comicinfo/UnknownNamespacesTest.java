package dev.metronome.comicinfo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metronome.api.ComicMetadata;
import dev.metronome.metroninfo.MetronInfoReader;
import dev.metronome.metroninfo.MetronInfoWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An unknown element in a namespace of its own comes back in that namespace, not as a bare local name. */
class UnknownNamespacesTest {

    @Test
    void aNamespacedUnknownElementKeepsItsNamespace() throws MetadataException {
        String written = writtenBack("<ComicInfo><Series>Saga</Series><x:Ext xmlns:x=\"urn:user\" x:kind=\"a\">"
                + "<x:Part>1</x:Part></x:Ext></ComicInfo>");
        assertThat(written).contains("<x:Ext xmlns:x=\"urn:user\" x:kind=\"a\">").contains("<x:Part>1</x:Part></x:Ext>");
        assertThat(parsesWithNamespaces(written)).isTrue();
    }

    @Test
    void aPrefixDeclaredOnTheRootIsDeclaredOnTheElementWrittenBack() throws MetadataException {
        String written = writtenBack("<ComicInfo xmlns:u=\"urn:user\"><Series>Saga</Series><u:Rating>5</u:Rating></ComicInfo>");
        assertThat(written).contains("<u:Rating xmlns:u=\"urn:user\">5</u:Rating>");
        assertThat(parsesWithNamespaces(written)).isTrue();
    }

    @Test
    void anAttributeInAnotherNamespaceKeepsItAndKnownAttributesStillRead() throws MetadataException {
        String written = writtenBack("<ComicInfo xmlns:y=\"urn:y\"><Series>Saga</Series><Ext y:note=\"1\">v</Ext>"
                + "<Pages><Page y:Image=\"0\" Type=\"FrontCover\"/></Pages></ComicInfo>");
        assertThat(written).contains("<Ext xmlns:y=\"urn:y\" y:note=\"1\">v</Ext>").contains("<Page Image=\"0\" Type=\"FrontCover\"");
        assertThat(parsesWithNamespaces(written)).isTrue();
    }

    @Test
    void aDefaultNamespaceDeclaredOnTheElementIsKept() throws MetadataException {
        String xml = "<MetronInfo><Series><Name>Saga</Name></Series><Ext xmlns=\"urn:user\"><Inner>1</Inner></Ext></MetronInfo>";
        ComicMetadata m = new MetronInfoReader().read(xml.getBytes(StandardCharsets.UTF_8), "MetronInfo.xml").metadata();
        String written = new String(MetronInfoWriter.defaults().write(m).bytes(), StandardCharsets.UTF_8);
        assertThat(written).contains("<Ext xmlns=\"urn:user\"><Inner>1</Inner></Ext>");
    }

    @Test
    void anUndeclaredPrefixIsDroppedSoThatTheFileStaysNamespaceWellFormed() throws MetadataException {
        String written = writtenBack("<ComicInfo><Series>Saga</Series><y:Loose>1</y:Loose></ComicInfo>");
        assertThat(written).contains("<Loose>1</Loose>");
        assertThat(parsesWithNamespaces(written)).isTrue();
    }

    private static String writtenBack(String comicInfo) throws MetadataException {
        ComicMetadata m = new ComicInfoReader().read(comicInfo.getBytes(StandardCharsets.UTF_8), "ComicInfo.xml").metadata();
        return ComicInfoWriter.defaults().write(m).text();
    }

    private static boolean parsesWithNamespaces(String xml) {
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
