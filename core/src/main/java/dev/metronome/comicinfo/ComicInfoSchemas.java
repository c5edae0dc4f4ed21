package dev.metronome.comicinfo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates ComicInfo.xml against the bundled XSDs (plain XSD 1.0, with the JDK's own validator, looked up with
 * {@link SchemaFactory#newDefaultInstance()} so that no other JAXP implementation on the class path interferes).
 * External DTDs and schemas are not fetched.
 */
public final class ComicInfoSchemas {

    private static final Map<ComicInfoVersion, Schema> SCHEMAS = new EnumMap<>(ComicInfoVersion.class);

    private ComicInfoSchemas() {
    }

    /**
     * The schema problems of a document, one sentence each with its line; empty when it validates.
     *
     * @throws MetadataException if the bundled schema cannot be loaded (a packaging error)
     */
    public static List<String> validate(byte[] xml, ComicInfoVersion version) throws MetadataException {
        return validate(xml, schema(version));
    }

    /**
     * The problems of a document against any schema (also an XSD 1.1 one, built by the caller), one sentence
     * each with its line; empty when it validates. External DTDs and schemas are not fetched.
     */
    public static List<String> validate(byte[] xml, Schema schema) {
        List<String> problems = new ArrayList<>();
        try {
            Validator validator = schema.newValidator();
            forbidExternalAccess(validator);
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings are not schema violations
                }

                @Override
                public void error(SAXParseException e) {
                    problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(e.getMessage());
            }
        } catch (IOException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    private static void forbidExternalAccess(Validator validator) {
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException unsupported) {
            // a validator without these JAXP 1.5 properties (Xerces-J) never fetches them for our documents
        }
    }

    private static synchronized Schema schema(ComicInfoVersion version) throws MetadataException {
        Schema schema = SCHEMAS.get(version);
        if (schema == null) {
            URL resource = ComicInfoSchemas.class.getResource(version.schemaResource());
            if (resource == null) {
                throw new MetadataException(version.schemaResource(), "is missing from the class path");
            }
            try {
                SchemaFactory factory = SchemaFactory.newDefaultInstance();
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                schema = factory.newSchema(resource);
            } catch (SAXException e) {
                throw new MetadataException(version.schemaResource(), "cannot be loaded (" + e.getMessage() + ")", e);
            }
            SCHEMAS.put(version, schema);
        }
        return schema;
    }
}
