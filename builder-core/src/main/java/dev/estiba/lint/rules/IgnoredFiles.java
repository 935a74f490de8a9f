package dev.estiba.lint.rules;

import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.Keyword;
import dev.estiba.lint.LintContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CopyIgnoredFile (experimental): a COPY or ADD source (from the build context) that the context's
 * .dockerignore excludes. Patterns follow Docker's rules: {@code *}, {@code ?}, {@code **}, a
 * leading {@code !} re-includes, the last matching pattern wins, a match on a parent excludes the child.
 */
final class IgnoredFiles implements Check {

    @Override
    public void check(LintContext ctx) {
        List<String[]> patterns = patterns(ctx.contextDir());
        if (patterns.isEmpty()) {
            return;
        }
        for (Instruction i : ctx.tree().instructions()) {
            if ((i.keyword() != Keyword.COPY && i.keyword() != Keyword.ADD) || i.flag("from").isPresent()) {
                continue;
            }
            List<String> args = Workdirs.arguments(i);
            for (String src : args.subList(0, Math.max(0, args.size() - 1))) {
                String path = clean(Workdirs.unquote(src));
                if (!Copies.isUrl(path) && !path.contains("$") && ignored(patterns, path)) {
                    ctx.report("CopyIgnoredFile", ctx.head(i), "Attempting to " + i.keyword() + " file \"" + path
                        + "\" that is excluded by .dockerignore.");
                }
            }
        }
    }

    private static List<String[]> patterns(Path dir) {
        List<String[]> out = new ArrayList<>();
        if (dir == null || !Files.isRegularFile(dir.resolve(".dockerignore"))) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(dir.resolve(".dockerignore"), StandardCharsets.UTF_8)) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String p = line.strip();
                boolean negate = p.startsWith("!");
                p = clean(negate ? p.substring(1).strip() : p);
                if (!p.isEmpty()) {
                    out.add(new String[] {negate ? "!" : "", p});
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }

    static String clean(String p) {
        String s = p.replace('\\', '/').replaceAll("/+", "/");
        while (s.startsWith("./")) {
            s = s.substring(2);
        }
        s = s.replaceAll("^/+", "").replaceAll("/+$", "");
        return s;
    }

    static boolean ignored(List<String[]> patterns, String path) {
        boolean ignored = false;
        for (String[] p : patterns) {
            if (matches(p[1], path)) {
                ignored = p[0].isEmpty();
            }
        }
        return ignored;
    }

    /** Whether the pattern matches the path or one of its parents. */
    static boolean matches(String pattern, String path) {
        String re = toRegex(pattern);
        String p = path;
        while (true) {
            if (p.matches(re)) {
                return true;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return false;
            }
            p = p.substring(0, slash);
        }
    }

    private static String toRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                sb.append(".*");
                i++;
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                    i++;
                    sb.append("/?");
                }
            } else if (c == '*') {
                sb.append("[^/]*");
            } else if (c == '?') {
                sb.append("[^/]");
            } else if ("\\.[]{}()+-^$|".indexOf(c) >= 0) {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
