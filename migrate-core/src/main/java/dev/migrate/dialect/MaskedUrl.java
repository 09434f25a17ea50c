package dev.migrate.dialect;

import java.util.regex.Pattern;

/** Removes passwords from JDBC URLs before they reach a message or a log. */
public final class MaskedUrl {

    // password=..., pwd=..., and user:password@ in the authority part.
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)((?:password|pwd|sslpassword)\\s*=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:]*:)[^/@]*@");

    private MaskedUrl() {
    }

    public static String mask(String url) {
        if (url == null) {
            return "(none)";
        }
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("$1***@");
    }
}
