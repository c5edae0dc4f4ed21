package dev.metronome.comicinfo;

import com.ctc.wstx.stax.WstxInputFactory;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.nodes.Entities;

/**
 * Parses a metadata file into an {@link XmlElement} tree, safely and tolerantly.
 *
 * <p>Safe: a {@code DOCTYPE} is refused before anything is expanded, so neither external entities
 * ({@code file:///etc/passwd}) nor entity bombs (billion laughs) can do anything. The StAX factory is
 * Woodstox, created directly (never looked up through JAXP, which a test-scope Xerces would take over), with
 * DTD support and external entities off.
 *
 * <p>Tolerant, as real files need:
 * <ul>
 *   <li>the encoding comes from a byte-order mark, then UTF-16 without one, then the declaration; bytes that are
 *       not valid in it are read as Windows-1252 (with a warning);</li>
 *   <li>whitespace or junk before the first {@code <} is skipped;</li>
 *   <li>characters XML 1.0 forbids are dropped, HTML entities ({@code &nbsp;}) become characters and a bare
 *       {@code &} becomes {@code &amp;} (each with a warning);</li>
 *   <li>namespaces are ignored for look-ups: names are local names, undeclared prefixes are fine (each
 *       element keeps its prefix and namespace, so that an unknown element is written back as it was);</li>
 *   <li>a file cut short keeps the elements completed before the break (with a warning).</li>
 * </ul>
 */
public final class SafeXml {

    /** The largest metadata file read: 16 MiB, as {@code ComicArchive#readMetadata}. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private static final Pattern DECLARED_ENCODING = Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern AMPERSAND = Pattern.compile("&(#[0-9]+;|#x[0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)?");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private SafeXml() {
    }

    /**
     * Parses a metadata file.
     *
     * @param bytes    the file's content
     * @param source   names the file in messages
     * @param warnings receives one sentence per problem tolerated
     * @return the root element; for a file cut short, with the children completed before the break
     * @throws MetadataException if the content is empty, too large, has a DOCTYPE or has no root element
     */
    public static XmlElement parse(byte[] bytes, String source, List<String> warnings) throws MetadataException {
        if (bytes.length > MAX_BYTES) {
            throw new MetadataException(source, "is " + bytes.length + " bytes, more than the 16 MiB a metadata file may have");
        }
        String text = repair(decode(bytes, source, warnings), source, warnings);
        if (text.isBlank()) {
            throw new MetadataException(source, "is empty");
        }
        return build(text, source, warnings);
    }

    /**
     * Reads a metadata file from a stream, at most {@link #MAX_BYTES} plus one (so that {@link #parse} can
     * refuse a larger one). The caller closes the stream.
     *
     * @throws MetadataException naming the file if the stream fails
     */
    public static byte[] readAll(java.io.InputStream in, String source) throws MetadataException {
        try {
            return in.readNBytes(MAX_BYTES + 1);
        } catch (java.io.IOException e) {
            throw new MetadataException(source, "could not be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Whether an XML fragment is exactly one well-formed element with this name, safe to write back verbatim
     * (no DOCTYPE, nothing to repair).
     */
    public static boolean isWellFormedElement(String fragment, String name) {
        if (fragment == null || fragment.isBlank()) {
            return false;
        }
        List<String> problems = new ArrayList<>();
        try {
            XmlElement parsed = parse(fragment.getBytes(StandardCharsets.UTF_8), name, problems);
            return problems.isEmpty() && parsed.is(name);
        } catch (MetadataException e) {
            return false;
        }
    }

    /**
     * Parses a metadata file whose root element must have this name (ignoring case).
     *
     * @throws MetadataException as {@link #parse}, or if the root element has another name
     */
    public static XmlElement parseDocument(byte[] bytes, String source, String rootName, List<String> warnings) throws MetadataException {
        XmlElement root = parse(bytes, source, warnings);
        if (!root.is(rootName)) {
            throw new MetadataException(source, "is not a " + rootName + ".xml: its root element is <" + root.name() + ">");
        }
        return root;
    }

    /** Decodes the bytes to text, choosing the encoding as the class documentation says. */
    static String decode(byte[] bytes, String source, List<String> warnings) {
        Charset charset;
        int skip = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bytes.length >= 2 && bytes[0] == 0 && bytes[1] != 0) {
            charset = StandardCharsets.UTF_16BE;
        } else if (bytes.length >= 2 && bytes[0] != 0 && bytes[1] == 0) {
            charset = StandardCharsets.UTF_16LE;
        } else {
            charset = declaredCharset(bytes);
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (CharacterCodingException e) {
            warnings.add(source + ": is not valid " + charset.name() + "; read it as Windows-1252 instead");
            return new String(bytes, skip, bytes.length - skip, WINDOWS_1252);
        }
    }

    private static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1).strip();
        Matcher matcher = DECLARED_ENCODING.matcher(head);
        if (matcher.find()) {
            String name = matcher.group(1);
            if (name.toUpperCase(Locale.ROOT).startsWith("UTF-16")) {
                return StandardCharsets.UTF_8; // declared UTF-16 but bytes are single-byte: a common lie
            }
            try {
                return Charset.forName(name);
            } catch (IllegalArgumentException unknown) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Skips leading junk, drops forbidden characters and repairs ampersands. */
    static String repair(String text, String source, List<String> warnings) {
        int start = text.indexOf('<');
        if (start < 0) {
            return "";
        }
        if (!text.substring(0, start).isBlank() && text.charAt(0) != '\uFEFF') {
            warnings.add(source + ": skipped " + start + " characters before the first tag");
        }
        String body = text.substring(start);
        StringBuilder clean = new StringBuilder(body.length());
        int dropped = 0;
        for (int i = 0; i < body.length(); ) {
            int c = body.codePointAt(i);
            i += Character.charCount(c);
            if (XmlOut.isXmlChar(c)) {
                clean.appendCodePoint(c);
            } else {
                dropped++;
            }
        }
        if (dropped > 0) {
            warnings.add(source + ": dropped " + dropped + " characters that XML does not allow");
        }
        return repairAmpersands(clean.toString(), source, warnings);
    }

    private static String repairAmpersands(String text, String source, List<String> warnings) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher matcher = AMPERSAND.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 32);
        int repaired = 0;
        while (matcher.find()) {
            String reference = matcher.group(1);
            String replacement;
            if (reference == null) {
                replacement = "&amp;";
                repaired++;
            } else if (reference.startsWith("#") || isXmlEntity(reference)) {
                replacement = matcher.group();
            } else {
                String name = reference.substring(0, reference.length() - 1);
                String value = Entities.isNamedEntity(name) ? Entities.getByName(name) : "";
                replacement = value.isEmpty() ? "&amp;" + reference : "&#" + value.codePointAt(0) + ";";
                repaired++;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        if (repaired > 0) {
            warnings.add(source + ": repaired " + repaired + " bare '&' or HTML entities");
        }
        return out.toString();
    }

    private static boolean isXmlEntity(String reference) {
        return switch (reference) {
            case "amp;", "lt;", "gt;", "quot;", "apos;" -> true;
            default -> false;
        };
    }

    private static XmlElement build(String text, String source, List<String> warnings) throws MetadataException {
        Deque<Building> open = new ArrayDeque<>();
        Deque<Map<String, String>> scopes = new ArrayDeque<>();
        Building root = null;
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new StringReader(text));
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> refuseUnlessHarmless(reader, source);
                    case XMLStreamConstants.START_ELEMENT -> {
                        String qualified = reader.getLocalName();
                        int colon = qualified.indexOf(':');
                        String prefix = colon < 0 ? "" : qualified.substring(0, colon);
                        Map<String, String> declared = namespaceDeclarations(reader);
                        Map<String, String> scope = new java.util.HashMap<>(scopes.isEmpty() ? Map.of() : scopes.peek());
                        scope.putAll(declared);
                        // a default namespace is kept only where it is declared (ComicInfo files declare one on
                        // the root now and then); a prefix keeps the namespace it is bound to in scope
                        String uri = prefix.isEmpty() ? declared.getOrDefault("", "") : scope.getOrDefault(prefix, "");
                        Building element = new Building(localName(qualified), attributes(reader, scope, prefix), prefix, uri);
                        if (root == null) {
                            root = element;
                        }
                        open.push(element);
                        scopes.push(scope);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        Building done = open.pop();
                        scopes.pop();
                        if (!open.isEmpty()) {
                            open.peek().content.add(done.toElement());
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.peek().content.add(new XmlText(reader.getText()));
                        }
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new MetadataException(source,
                            "refers to the entity '" + reader.getLocalName() + "', which is not allowed in metadata files");
                    default -> {
                        // comments, processing instructions: not metadata
                    }
                }
            }
        } catch (XMLStreamException e) {
            if (root == null) {
                throw new MetadataException(source, "is not XML (" + describe(e) + ")", e);
            }
            warnings.add(source + ": is cut short or not well-formed (" + describe(e) + "); kept the "
                    + root.content.stream().filter(XmlElement.class::isInstance).count() + " elements read before the break");
        } finally {
            close(reader);
        }
        if (root == null) {
            throw new MetadataException(source, "has no root element");
        }
        return root.toElement();
    }

    /**
     * A bare {@code <!DOCTYPE ComicInfo>} (some tools write one) is harmless and ignored; a DOCTYPE that names an
     * external DTD or declares anything (entities above all) is refused.
     */
    private static void refuseUnlessHarmless(XMLStreamReader reader, String source)
            throws MetadataException, XMLStreamException {
        org.codehaus.stax2.DTDInfo dtd = reader instanceof org.codehaus.stax2.XMLStreamReader2 stax2
                ? stax2.getDTDInfo() : null;
        String subset = dtd == null ? null : dtd.getDTDInternalSubset();
        boolean bare = dtd != null && dtd.getDTDSystemId() == null && dtd.getDTDPublicId() == null
                && (subset == null || subset.isBlank());
        if (!bare) {
            throw new MetadataException(source,
                    "contains a DOCTYPE declaration; DTDs and entities are not allowed in metadata files");
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        return factory;
    }

    /**
     * The attributes by local name; an attribute whose prefix is declared keeps it (and the declaration, unless it is
     * the element's own prefix), so that an element written back keeps its attributes' namespaces.
     */
    private static Map<String, String> attributes(XMLStreamReader reader, Map<String, String> scope, String elementPrefix) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String prefix = reader.getAttributePrefix(i);
            String full = (prefix == null || prefix.isEmpty() ? "" : prefix + ":") + reader.getAttributeLocalName(i);
            int colon = full.indexOf(':');
            String namePrefix = colon < 0 ? "" : full.substring(0, colon);
            if (full.equals("xmlns") || namePrefix.equals("xmlns")) {
                continue; // namespace declarations: names are read as local names
            }
            boolean boundPrefix = namePrefix.equals("xml") || namePrefix.equals("xsi");
            boolean declaredPrefix = !namePrefix.isEmpty() && !boundPrefix && scope.containsKey(namePrefix);
            if (declaredPrefix && !namePrefix.equals(elementPrefix)) {
                attributes.put("xmlns:" + namePrefix, scope.get(namePrefix));
            }
            attributes.put(boundPrefix || declaredPrefix ? full : localName(full), reader.getAttributeValue(i));
        }
        return attributes;
    }

    /** The namespace declarations on the current element: prefix ({@code ""} for the default) to URI. */
    private static Map<String, String> namespaceDeclarations(XMLStreamReader reader) {
        Map<String, String> declared = new LinkedHashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String prefix = reader.getAttributePrefix(i);
            String full = (prefix == null || prefix.isEmpty() ? "" : prefix + ":") + reader.getAttributeLocalName(i);
            if (full.equals("xmlns")) {
                declared.put("", reader.getAttributeValue(i));
            } else if (full.startsWith("xmlns:")) {
                declared.put(full.substring("xmlns:".length()), reader.getAttributeValue(i));
            }
        }
        return declared;
    }

    private static String localName(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    private static String describe(XMLStreamException e) {
        Location location = e.getLocation();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        String firstLine = (newline < 0 ? message : message.substring(newline + 1)).strip();
        if (firstLine.startsWith("at [")) {
            firstLine = message.substring(0, newline < 0 ? message.length() : newline);
        }
        firstLine = firstLine.replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        return (location == null ? "" : "line " + location.getLineNumber() + ": ") + firstLine;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing to release for a string reader
            }
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** An element being read. */
    private static final class Building {
        final String name;
        final Map<String, String> attributes;
        final List<XmlNode> content = new ArrayList<>();
        final String prefix;
        final String namespaceUri;

        Building(String name, Map<String, String> attributes, String prefix, String namespaceUri) {
            this.name = name;
            this.attributes = attributes;
            this.prefix = prefix;
            this.namespaceUri = namespaceUri;
        }

        XmlElement toElement() {
            return new XmlElement(name, attributes, content, prefix, namespaceUri);
        }
    }
}
