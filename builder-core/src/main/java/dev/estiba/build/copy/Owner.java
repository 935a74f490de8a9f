package dev.estiba.build.copy;

import java.util.Optional;

/**
 * Resolves {@code --chown=USER[:GROUP]} to numbers: numeric ids as given, names through the image's
 * {@code /etc/passwd} and {@code /etc/group}. A user alone takes the user's primary group (its own id when
 * numeric), as BuildKit does.
 */
public final class Owner {
    /** Reads one of the image's account files; empty when the image has none. */
    @FunctionalInterface
    public interface AccountFiles {
        /** The text of {@code /etc/passwd} or {@code /etc/group}. */
        Optional<String> read(String path) throws java.io.IOException;
    }

    /** A resolved owner. */
    public record Ids(long uid, long gid) {
    }

    private Owner() {
    }

    /** Whether resolving {@code chown} needs the image's account files. */
    public static boolean needsNames(String chown) {
        for (String part : chown.split(":", 2)) {
            if (!part.isEmpty() && !part.chars().allMatch(Character::isDigit)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Resolves an owner.
     *
     * @throws IllegalArgumentException naming the user or group that the image does not know
     */
    public static Ids resolve(String chown, AccountFiles files) throws java.io.IOException {
        int colon = chown.indexOf(':');
        String user = colon < 0 ? chown : chown.substring(0, colon);
        String group = colon < 0 ? null : chown.substring(colon + 1);
        if (user.isEmpty()) {
            throw new IllegalArgumentException("invalid --chown value \"" + chown + "\": empty user");
        }
        long uid;
        long gid;
        if (numeric(user)) {
            uid = Long.parseLong(user);
            gid = uid;
        } else {
            String[] row = find(files.read("/etc/passwd"), user, "user", "/etc/passwd");
            uid = number(row[2], user);
            gid = number(row[3], user);
        }
        if (group != null && !group.isEmpty()) {
            gid = numeric(group) ? Long.parseLong(group)
                : number(find(files.read("/etc/group"), group, "group", "/etc/group")[2], group);
        }
        return new Ids(uid, gid);
    }

    private static String[] find(Optional<String> text, String name, String what, String file) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("unable to find " + what + " " + name + ": the image has no " + file);
        }
        for (String line : text.get().split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 3 && f[0].equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unable to find " + what + " " + name + ": no matching entries in " + file);
    }

    private static long number(String field, String name) {
        if (!numeric(field)) {
            throw new IllegalArgumentException("invalid id \"" + field + "\" for " + name);
        }
        return Long.parseLong(field);
    }

    private static boolean numeric(String s) {
        return !s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit);
    }
}
