package dev.metronome.organize;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue numbers in a form every file system and reader shows alike: vulgar fractions become decimals
 * ({@code ½ → 0.5}, {@code 1½ → 1.5}, {@code 1/2 → 0.5}), compatibility digits become plain ones, a leading
 * {@code #} goes, and {@code :width} pads the integer part with zeros ({@code 1 → 001}, {@code -1 → -001},
 * {@code 0.5 → 000.5}, {@code 12AU → 012AU}).
 */
final class ReadableNumbers {

    private static final Pattern FRACTION = Pattern.compile("^(-?\\d+)?\\s*(\\d+)/(\\d+)(.*)$");
    private static final Pattern LEADING = Pattern.compile("^(-?)(\\d+)(.*)$");

    private ReadableNumbers() {
    }

    /** The readable form of a number. */
    static String readable(String raw) {
        StringBuilder spaced = new StringBuilder();
        raw.strip().codePoints().forEach(c -> {
            String compatible = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFKC);
            spaced.append(compatible.contains("\u2044") ? " " + compatible : compatible);
        });
        String text = spaced.toString().replace('\u2044', '/').strip();
        if (text.startsWith("#")) {
            text = text.substring(1).strip();
        }
        Matcher fraction = FRACTION.matcher(text);
        if (fraction.matches() && !fraction.group(3).equals("0")) {
            BigDecimal whole = fraction.group(1) == null ? BigDecimal.ZERO : new BigDecimal(fraction.group(1));
            BigDecimal part = new BigDecimal(fraction.group(2)).divide(new BigDecimal(fraction.group(3)), 2,
                    java.math.RoundingMode.HALF_UP);
            BigDecimal value = whole.signum() < 0 ? whole.subtract(part) : whole.add(part);
            return value.stripTrailingZeros().toPlainString() + fraction.group(4);
        }
        return text;
    }

    /** Pads the integer part to {@code width} digits; text that does not start with a number is left alone. */
    static String pad(String readable, int width) {
        Matcher m = LEADING.matcher(readable);
        if (!m.matches() || m.group(2).length() >= width) {
            return readable;
        }
        return m.group(1) + "0".repeat(width - m.group(2).length()) + m.group(2) + m.group(3);
    }
}
