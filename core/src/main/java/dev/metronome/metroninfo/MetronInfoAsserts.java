package dev.metronome.metroninfo;

import dev.metronome.comicinfo.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * The two {@code xs:assert}s of the MetronInfo schema, checked in code (the JDK's validator cannot run XSD 1.1):
 * at most one {@code <ID primary="true">} in {@code <IDS>}, and at most one {@code <URL primary="true">} in
 * {@code <URLs>}.
 */
public final class MetronInfoAsserts {

    private MetronInfoAsserts() {
    }

    /** The violated asserts, one sentence each; empty when both hold. */
    public static List<String> violations(XmlElement root) {
        List<String> violations = new ArrayList<>();
        check(root, "IDS", "ID", violations);
        check(root, "URLs", "URL", violations);
        return violations;
    }

    private static void check(XmlElement root, String list, String item, List<String> violations) {
        for (XmlElement container : root.children(list)) {
            long primaries = container.children(item).stream().filter(e -> isTrue(e.attribute("primary"))).count();
            if (primaries > 1) {
                violations.add("<" + list + "> has " + primaries + " <" + item + " primary=\"true\">, at most one is allowed");
            }
        }
    }

    /** Whether an {@code xs:boolean} attribute value is true. */
    static boolean isTrue(String value) {
        String v = value.strip();
        return v.equals("true") || v.equals("1");
    }
}
