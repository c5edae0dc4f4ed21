package dev.metronome.metroninfo;

import dev.metronome.comicinfo.ComicInfoSchemas;
import java.util.List;
import javax.xml.validation.Schema;
import org.apache.xerces.jaxp.validation.XMLSchema11Factory;
import org.xml.sax.SAXException;

/** XSD 1.1 validation of MetronInfo.xml with Xerces-J's XMLSchema11Factory, constructed directly. */
final class MetronInfoSchemas {

    private MetronInfoSchemas() {
    }

    static String schemaResource(MetronInfoVersion version) {
        return version == MetronInfoVersion.V1_0 ? "/metroninfo/schema/v1.0/MetronInfo.xsd" : "/metroninfo/schema/v1.1/MetronInfo.xsd";
    }

    /** The validation errors, one per line; empty when valid. */
    static List<String> validate(byte[] xml, String schemaResource) {
        try {
            Schema schema = new XMLSchema11Factory().newSchema(MetronInfoSchemas.class.getResource(schemaResource));
            return ComicInfoSchemas.validate(xml, schema);
        } catch (SAXException e) {
            return List.of("the schema " + schemaResource + " cannot be loaded: " + e.getMessage());
        }
    }

    static List<String> validate(byte[] xml, MetronInfoVersion version) {
        return validate(xml, schemaResource(version));
    }
}
