package dev.estiba.lint.rules;

import java.util.regex.Pattern;

/** Image reference helpers: validity, tag, digest and registry of a reference as written. */
final class ImageRefs {
    private static final Pattern REFERENCE = Pattern.compile(
        "(?:[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?(?::[0-9]+)?/)?"
            + "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
            + "(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?");

    private ImageRefs() {
    }

    static boolean valid(String ref) {
        return REFERENCE.matcher(ref).matches();
    }

    /** The path part without registry, tag or digest decided: the text after the last '/'. */
    private static String last(String ref) {
        String noDigest = ref.contains("@") ? ref.substring(0, ref.indexOf('@')) : ref;
        return noDigest.substring(noDigest.lastIndexOf('/') + 1);
    }

    static boolean hasDigest(String ref) {
        return ref.contains("@");
    }

    /** The tag, or null when none is written. */
    static String tag(String ref) {
        String last = last(ref);
        int colon = last.indexOf(':');
        return colon < 0 ? null : last.substring(colon + 1);
    }

    /** The registry host a reference pulls from ({@code docker.io} when none is written). */
    static String registry(String ref) {
        int slash = ref.indexOf('/');
        if (slash > 0) {
            String first = ref.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                return first;
            }
        }
        return "docker.io";
    }

    /** A glob such as {@code *.gcr.io} matched against a host. */
    static boolean globMatches(String glob, String host) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            re.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
        }
        return host.matches(re.toString());
    }
}
