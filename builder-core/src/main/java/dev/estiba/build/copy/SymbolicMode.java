package dev.estiba.build.copy;

import dev.estiba.context.EntryType;
import dev.estiba.context.digest.ModeRule;
import dev.estiba.instructions.FileMode;

/** Turns a parsed {@code --chmod} into the rule applied to each copied entry (octal, or chmod(1)'s symbolic form). */
public final class SymbolicMode {
    private SymbolicMode() {
    }

    /** The rule for a mode; {@link ModeRule#KEEP} when there is none. */
    public static ModeRule rule(FileMode mode) {
        if (mode == null) {
            return ModeRule.KEEP;
        }
        if (!mode.symbolic()) {
            int bits = mode.octal();
            return (type, old) -> bits;
        }
        String text = mode.text();
        return (type, old) -> apply(text, type, old);
    }

    /** Applies symbolic clauses such as {@code u=rwX,go=rX} to {@code mode}, as chmod(1) with umask 0. */
    static int apply(String text, EntryType type, int mode) {
        int m = mode;
        for (String clause : text.split(",")) {
            int i = 0;
            int who = 0;
            while (i < clause.length() && "ugoa".indexOf(clause.charAt(i)) >= 0) {
                who |= switch (clause.charAt(i)) {
                    case 'u' -> 04700;
                    case 'g' -> 02070;
                    case 'o' -> 01007;
                    default -> 07777;
                };
                i++;
            }
            if (who == 0) {
                who = 07777;
            }
            while (i < clause.length()) {
                char op = clause.charAt(i++);
                int perm = 0;
                int start = i;
                while (i < clause.length() && "-+=".indexOf(clause.charAt(i)) < 0) {
                    i++;
                }
                String perms = clause.substring(start, i);
                for (char p : perms.toCharArray()) {
                    perm |= switch (p) {
                        case 'r' -> 0444;
                        case 'w' -> 0222;
                        case 'x' -> 0111;
                        case 'X' -> (type == EntryType.DIRECTORY || (m & 0111) != 0) ? 0111 : 0;
                        case 's' -> 06000;
                        case 't' -> 01000;
                        case 'u' -> copy((m >> 6) & 7);
                        case 'g' -> copy((m >> 3) & 7);
                        case 'o' -> copy(m & 7);
                        default -> 0;
                    };
                }
                perm &= who;
                switch (op) {
                    case '+' -> m |= perm;
                    case '-' -> m &= ~perm;
                    default -> m = (m & ~(who & 07777)) | perm;
                }
            }
        }
        return m & 07777;
    }

    private static int copy(int rwx) {
        return rwx << 6 | rwx << 3 | rwx;
    }
}
