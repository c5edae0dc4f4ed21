package dev.metronome.metroninfo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.apache.xerces.jaxp.validation.XMLSchema11Factory;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** XSD 1.1 validation of MetronInfo.xml with Xerces-J's XMLSchema11Factory, constructed directly. */
final class MetronInfoSchemas {

    private MetronInfoSchemas() {
    }

    static String schemaResource(MetronInfoVersion version) {
        return version == MetronInfoVersion.V1_0 ? "/metroninfo/schema/v1.0/MetronInfo.xsd" : "/metroninfo/schema/v1.1/MetronInfo.xsd";
    }

    /** The validation errors, one per line; empty when valid. */
    static List<String> validate(byte[] xml, String schemaResource) {
        List<String> problems = new ArrayList<>();
        try {
            SchemaFactory factory = new XMLSchema11Factory();
            Schema schema = factory.newSchema(MetronInfoSchemas.class.getResource(schemaResource));
            Validator validator = schema.newValidator();
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // not a violation
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
        } catch (SAXException | IOException e) {
            if (problems.isEmpty()) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    static List<String> validate(byte[] xml, MetronInfoVersion version) {
        return validate(xml, schemaResource(version));
    }
}
