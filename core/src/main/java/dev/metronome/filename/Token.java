package dev.metronome.filename;

import java.util.Locale;

/**
 * One lexical piece of a name: a word, a bracket group, or a separator.
 *
 * @param type the kind of token
 * @param text the text as written (for a group: its trimmed content without the brackets)
 * @param key  lower-case text without trailing {@code , ;} used for keyword tests
 */
record Token(Type type, String text, String key) {

    /** Token kinds. */
    enum Type {
        /** A run of non-separator characters. */
        WORD,
        /** The issue marker {@code #}. */
        HASH,
        /** A free-standing dash ({@code -}, {@code –}, {@code —}) between words. */
        DASH,
        /** A colon ending a word ({@code Series: Title}). */
        COLON,
        /** A bracketed group {@code (...)}, {@code [...]} or {@code {...}}. */
        GROUP,
        /** {@code --} or {@code __}: everything after it is left-over information. */
        REMAINDER
    }

    static Token word(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int end = lower.length();
        while (end > 0 && (lower.charAt(end - 1) == ',' || lower.charAt(end - 1) == ';')) {
            end--;
        }
        return new Token(Type.WORD, text, lower.substring(0, end));
    }

    static Token of(Type type, String text) {
        return new Token(type, text, text.toLowerCase(Locale.ROOT));
    }

    boolean is(Type t) {
        return type == t;
    }

    boolean isWord() {
        return type == Type.WORD;
    }
}
