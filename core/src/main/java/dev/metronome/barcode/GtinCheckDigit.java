package dev.metronome.barcode;

/**
 * The GS1 modulo-10 check digit shared by UPC-A (12 digits) and EAN-13 (13 digits).
 */
public final class GtinCheckDigit {

    private GtinCheckDigit() {
    }

    /**
     * Computes the check digit for a code body (the code without its last digit).
     *
     * @param body 11 digits for UPC-A, 12 for EAN-13
     * @return the check digit, 0-9
     * @throws IllegalArgumentException when {@code body} holds anything but ASCII digits
     */
    public static int compute(String body) {
        if (body == null || body.isEmpty() || !body.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new IllegalArgumentException("not a digit string: " + body);
        }
        int sum = 0;
        // weights 3,1,3,1... starting from the rightmost body digit
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            sum += (i % 2 == 0) ? 3 * digit : digit;
        }
        return (10 - sum % 10) % 10;
    }

    /**
     * Tells whether {@code code} is all digits, of the given length, with a correct check digit.
     *
     * @param code   the full code, check digit last
     * @param length the expected number of digits (12 or 13)
     * @return true when the code is well-formed
     */
    public static boolean isValid(String code, int length) {
        if (code == null || code.length() != length || !code.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return false;
        }
        return compute(code.substring(0, length - 1)) == code.charAt(length - 1) - '0';
    }
}
