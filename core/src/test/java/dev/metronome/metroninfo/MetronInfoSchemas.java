package dev.metronome.metroninfo;

import dev.metronome.comicinfo.ComicInfoSchemas;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.validation.Schema;
import org.apache.xerces.jaxp.validation.XMLSchema11Factory;
import org.xml.sax.SAXException;

/** XSD 1.1 validation of MetronInfo.xml with Xerces-J's XMLSchema11Factory, constructed directly. */
public final class MetronInfoSchemas {

    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private MetronInfoSchemas() {
    }

    /** The test resource of a version's XSD. */
    public static String schemaResource(MetronInfoVersion version) {
        return version == MetronInfoVersion.V1_0 ? "/metroninfo/schema/v1.0/MetronInfo.xsd" : "/metroninfo/schema/v1.1/MetronInfo.xsd";
    }

    /** The validation errors, one per line; empty when valid. */
    public static List<String> validate(byte[] xml, String schemaResource) {
        Schema schema;
        try {
            schema = SCHEMAS.get(schemaResource);
            if (schema == null) {
                schema = new XMLSchema11Factory().newSchema(MetronInfoSchemas.class.getResource(schemaResource));
                SCHEMAS.put(schemaResource, schema);
            }
        } catch (SAXException e) {
            return List.of("the schema " + schemaResource + " cannot be loaded: " + e.getMessage());
        }
        return ComicInfoSchemas.validate(xml, schema);
    }

    /** The validation errors against a version's XSD, one per line; empty when valid. */
    public static List<String> validate(byte[] xml, MetronInfoVersion version) {
        return validate(xml, schemaResource(version));
    }
}
