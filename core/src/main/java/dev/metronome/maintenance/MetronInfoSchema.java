package dev.metronome.maintenance;

import dev.metronome.comicinfo.ComicInfoSchemas;
import dev.metronome.comicinfo.MetadataException;
import java.io.InputStream;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The MetronInfo v1.1 schema for the JDK's XSD 1.0 validator: the MIT-licensed v1.1 draft, with its two
 * {@code xs:assert}s removed (checked in code by {@code MetronInfoAsserts}) and the two elements the released v1.1
 * adds ({@code AlternativeNumber}, {@code CommunityRating}) added. See the resource folder's SOURCES.md.
 */
final class MetronInfoSchema {

    private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final String RESOURCE = "/dev/metronome/maintenance/MetronInfo-v1.1-draft.xsd";
    private static Schema schema;

    private MetronInfoSchema() {
    }

    /** The schema problems of a MetronInfo.xml (asserts excluded), one sentence each with its line. */
    static List<String> validate(byte[] xml) throws MetadataException {
        return ComicInfoSchemas.validate(xml, schema());
    }

    private static synchronized Schema schema() throws MetadataException {
        if (schema == null) {
            try (InputStream in = MetronInfoSchema.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new MetadataException(RESOURCE, "is missing from the class path");
                }
                DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
                factory.setNamespaceAware(true);
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                Document doc = factory.newDocumentBuilder().parse(in);
                removeAsserts(doc);
                addReleasedElements(doc);
                SchemaFactory schemas = SchemaFactory.newDefaultInstance();
                schemas.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                schemas.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                schema = schemas.newSchema(new DOMSource(doc));
            } catch (MetadataException e) {
                throw e;
            } catch (Exception e) {
                throw new MetadataException(RESOURCE, "cannot be loaded (" + e.getMessage() + ")", e);
            }
        }
        return schema;
    }

    private static void removeAsserts(Document doc) {
        NodeList asserts = doc.getElementsByTagNameNS(XS, "assert");
        for (int i = asserts.getLength() - 1; i >= 0; i--) {
            Node node = asserts.item(i);
            node.getParentNode().removeChild(node);
        }
    }

    private static void addReleasedElements(Document doc) {
        NodeList types = doc.getElementsByTagNameNS(XS, "complexType");
        for (int i = 0; i < types.getLength(); i++) {
            Element type = (Element) types.item(i);
            if (type.getAttribute("name").equals("metroninfoType")) {
                Element all = (Element) type.getElementsByTagNameNS(XS, "all").item(0);
                all.appendChild(element(doc, "AlternativeNumber", "xs:string"));
                all.appendChild(element(doc, "CommunityRating", "communityRatingType"));
            }
        }
        Element rating = doc.createElementNS(XS, "xs:complexType");
        rating.setAttribute("name", "communityRatingType");
        Element all = doc.createElementNS(XS, "xs:all");
        Element average = doc.createElementNS(XS, "xs:element");
        average.setAttribute("name", "AverageRating");
        Element simple = doc.createElementNS(XS, "xs:simpleType");
        Element restriction = doc.createElementNS(XS, "xs:restriction");
        restriction.setAttribute("base", "xs:decimal");
        Element min = doc.createElementNS(XS, "xs:minInclusive");
        min.setAttribute("value", "0");
        Element max = doc.createElementNS(XS, "xs:maxInclusive");
        max.setAttribute("value", "5.0");
        restriction.appendChild(min);
        restriction.appendChild(max);
        simple.appendChild(restriction);
        average.appendChild(simple);
        all.appendChild(average);
        Element count = element(doc, "RatingCount", "xs:positiveInteger");
        all.appendChild(count);
        rating.appendChild(all);
        doc.getDocumentElement().appendChild(rating);
    }

    private static Element element(Document doc, String name, String type) {
        Element element = doc.createElementNS(XS, "xs:element");
        element.setAttribute("name", name);
        element.setAttribute("type", type);
        element.setAttribute("minOccurs", "0");
        return element;
    }
}
