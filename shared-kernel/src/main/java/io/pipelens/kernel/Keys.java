package io.pipelens.kernel;

import java.util.regex.Pattern;

/** Rules shared by every identifier and stage key that crosses the API. */
public final class Keys {

    /** Ids and stage keys: 1 to 64 characters of letters, digits, '-', '_', '.', ':' starting with a letter or digit. */
    public static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    private Keys() {
    }

    /** Describes what is wrong with {@code value} as an id or key, or returns null when it is valid. */
    public static String problemWith(String value) {
        if (value == null || value.isBlank()) {
            return "is required";
        }
        if (!KEY.matcher(value).matches()) {
            return "'" + abbreviate(value) + "' is not a valid key: use 1 to 64 letters, digits, '-', '_', '.' or ':', "
                    + "starting with a letter or digit";
        }
        return null;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
