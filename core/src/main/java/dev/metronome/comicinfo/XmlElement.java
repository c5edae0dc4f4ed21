package dev.metronome.comicinfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An element of the small XML tree the metadata readers build. Names are local names (look-ups ignore namespace
 * prefixes, since ComicInfo and MetronInfo have no namespace and real files use them inconsistently), but the
 * prefix and its namespace are kept, so that an element written back ({@link #toXml()}) keeps its namespace.
 *
 * @param name         the local name, as written
 * @param attributes   the attributes by local name, in document order
 * @param content      the child elements and texts, in document order
 * @param prefix       the namespace prefix as written ({@code x} in {@code <x:Ext>}), or {@code ""}
 * @param namespaceUri the namespace the prefix (or a default namespace declared on this element) is bound to, or
 *                     {@code ""}
 */
public record XmlElement(String name, Map<String, String> attributes, List<XmlNode> content, String prefix,
                         String namespaceUri) implements XmlNode {

    /** Copies the attributes and content. */
    public XmlElement {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        content = List.copyOf(content);
        prefix = prefix == null ? "" : prefix;
        namespaceUri = namespaceUri == null ? "" : namespaceUri;
    }

    /** An element without a namespace. */
    public XmlElement(String name, Map<String, String> attributes, List<XmlNode> content) {
        this(name, attributes, content, "", "");
    }

    /** The child elements, in order. */
    public List<XmlElement> children() {
        List<XmlElement> children = new ArrayList<>();
        for (XmlNode node : content) {
            if (node instanceof XmlElement element) {
                children.add(element);
            }
        }
        return children;
    }

    /** The child elements with this name (ignoring case), in order. */
    public List<XmlElement> children(String childName) {
        return children().stream().filter(child -> child.is(childName)).toList();
    }

    /** The first child element with this name (ignoring case). */
    public Optional<XmlElement> child(String childName) {
        return children().stream().filter(child -> child.is(childName)).findFirst();
    }

    /** The trimmed text of the first child with this name, or {@code ""}. */
    public String childText(String childName) {
        return child(childName).map(XmlElement::text).orElse("");
    }

    /** Whether this element has this name, ignoring case. */
    public boolean is(String otherName) {
        return name.equalsIgnoreCase(otherName);
    }

    /** The lower-case name, for look-ups. */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The attribute with this name (ignoring case, and the prefix of a namespaced attribute), or {@code ""}. */
    public String attribute(String attributeName) {
        for (Map.Entry<String, String> entry : attributes.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(attributeName)) {
                return entry.getValue();
            }
        }
        for (Map.Entry<String, String> entry : attributes.entrySet()) {
            String key = entry.getKey();
            int colon = key.indexOf(':');
            if (colon > 0 && !key.startsWith("xmlns:") && key.substring(colon + 1).equalsIgnoreCase(attributeName)) {
                return entry.getValue();
            }
        }
        return "";
    }

    /** The element's own text (not its children's), with surrounding whitespace trimmed. */
    public String text() {
        return rawText().strip();
    }

    /** The element's own text, exactly as written. */
    public String rawText() {
        StringBuilder text = new StringBuilder();
        for (XmlNode node : content) {
            if (node instanceof XmlText part) {
                text.append(part.text());
            }
        }
        return text.toString();
    }

    /** This element serialised as an XML fragment. */
    public String toXml() {
        StringBuilder out = new StringBuilder();
        appendXml(out);
        return out.toString();
    }

    @Override
    public void appendXml(StringBuilder out) {
        appendXml(out, Map.of());
    }

    /** Writes this element, declaring its namespace unless the enclosing output already binds its prefix to it. */
    private void appendXml(StringBuilder out, Map<String, String> inScope) {
        // an undeclared prefix is dropped: namespace-aware readers reject it
        String qualified = prefix.isEmpty() || namespaceUri.isEmpty() ? name : prefix + ":" + name;
        out.append('<').append(qualified);
        Map<String, String> scope = inScope;
        if (!namespaceUri.isEmpty() && !namespaceUri.equals(inScope.get(prefix))
                && !attributes.containsKey(prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix)) {
            out.append(' ').append(prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix).append("=\"")
                    .append(XmlOut.escape(namespaceUri, true)).append('"');
            scope = new java.util.HashMap<>(inScope);
            scope.put(prefix, namespaceUri);
        }
        attributes.forEach((key, value) -> out.append(' ').append(key).append("=\"").append(XmlOut.escape(value, true)).append('"'));
        if (content.isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (XmlNode node : content) {
            if (node instanceof XmlElement element) {
                element.appendXml(out, scope);
            } else {
                node.appendXml(out);
            }
        }
        out.append("</").append(qualified).append('>');
    }
}
