package dev.metronome.interop;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The XML reading the peers share: a namespace-aware parser (Python's ElementTree, .NET's XmlSerializer and Jackson
 * all reject an undeclared prefix), children looked up by their exact, case-sensitive, un-namespaced name, the
 * first one winning (ElementTree's {@code root.find(name)}).
 */
final class PeerXml {

    private PeerXml() {
    }

    /** The document's root element, or empty when the bytes are not namespace-well-formed XML. */
    static Optional<Element> root(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            return Optional.of(document.getDocumentElement());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Whether the root is {@code <ComicInfo>} in no namespace (ElementTree's {@code root.tag != "ComicInfo"} check). */
    static boolean isPlainComicInfo(Element root) {
        return root.getNamespaceURI() == null && "ComicInfo".equals(root.getLocalName());
    }

    /** The first child element with exactly this name and no namespace. */
    static Optional<Element> child(Element parent, String name) {
        return children(parent).stream().filter(e -> e.getNamespaceURI() == null && name.equals(e.getLocalName())).findFirst();
    }

    /** The text of the first child with exactly this name, or {@code null} when it is absent (ElementTree's {@code find().text}). */
    static String text(Element parent, String name) {
        return child(parent, name).map(Element::getTextContent).orElse(null);
    }

    /**
     * The ComicRack credits as the Python taggers read them: Writer, Penciller, Inker, Colorist, Letterer and Editor
     * under their own name, CoverArtist as {@code Cover}; names split on the separator (a regex); Translator unread.
     */
    static java.util.Map<String, List<String>> comicRackCredits(Element root, String separator) {
        List<String> ownName = List.of("Writer", "Penciller", "Inker", "Colorist", "Letterer", "Editor");
        java.util.Map<String, List<String>> credits = new java.util.LinkedHashMap<>();
        for (Element child : children(root)) {
            String tag = child.getNamespaceURI() == null ? child.getLocalName() : "";
            String role = ownName.contains(tag) ? tag : tag.equals("CoverArtist") ? "Cover" : null;
            if (role != null) {
                for (String name : child.getTextContent().split(separator)) {
                    if (!name.isBlank()) {
                        credits.computeIfAbsent(role, r -> new ArrayList<>()).add(name.strip());
                    }
                }
            }
        }
        return credits;
    }

    /** The child elements, in order. */
    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }
}
