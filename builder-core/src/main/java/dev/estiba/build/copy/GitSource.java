package dev.estiba.build.copy;

import dev.estiba.files.FileTrees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * ADD's Git sources, as BuildKit tells them from other sources: {@code git://}, {@code ssh://} and
 * {@code git@host:path} URLs, and {@code http(s)://} URLs whose path ends in {@code .git}; a fragment
 * {@code #ref:subdir} picks a branch, tag or commit and a directory within. The ref is resolved to a commit with
 * {@code git ls-remote}, and that commit is checked out once into the cache ({@code git/<commit>}), through the
 * system's {@code git}, so a rebuild of an unchanged ref asks the server one question.
 *
 * @param url the repository URL, without the fragment
 * @param ref the branch, tag, full ref name or commit; empty for the remote's HEAD
 * @param subdir the directory within the repository to copy; empty for its root
 */
public record GitSource(String url, String ref, String subdir) {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final Pattern SCP_LIKE = Pattern.compile("[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+:.+");
    private static final long TIMEOUT_MINUTES = 30;

    /**
     * A checked-out commit.
     *
     * @param directory the tree to copy (the subdirectory when one was asked for)
     * @param commit the resolved commit
     */
    public record Checkout(Path directory, String commit) {
    }

    /** Whether ADD reads this source from Git. */
    public static boolean isGit(String source) {
        int hash = source.indexOf('#');
        String base = hash < 0 ? source : source.substring(0, hash);
        if (base.startsWith("git://") || base.startsWith("ssh://") || base.startsWith("git@")) {
            return true;
        }
        if (base.startsWith("http://") || base.startsWith("https://")) {
            int q = base.indexOf('?');
            String path = q < 0 ? base : base.substring(0, q);
            return path.endsWith(".git") || path.endsWith(".git/");
        }
        return SCP_LIKE.matcher(base).matches();
    }

    /** Splits {@code URL#ref:subdir}. */
    public static GitSource parse(String source) {
        int hash = source.indexOf('#');
        if (hash < 0) {
            return new GitSource(source, "", "");
        }
        String fragment = source.substring(hash + 1);
        int colon = fragment.indexOf(':');
        String ref = colon < 0 ? fragment : fragment.substring(0, colon);
        String sub = colon < 0 ? "" : fragment.substring(colon + 1);
        while (sub.startsWith("/")) {
            sub = sub.substring(1);
        }
        return new GitSource(source.substring(0, hash), ref, sub);
    }

    /** The name shown in errors: the URL with its fragment. */
    public String display() {
        return url + (ref.isEmpty() && subdir.isEmpty() ? "" : "#" + ref + (subdir.isEmpty() ? "" : ":" + subdir));
    }

    /**
     * Resolves the ref and checks its commit out under {@code cacheDir/git/}, reusing an earlier checkout.
     *
     * @param keepGitDir keep the {@code .git} directory ({@code --keep-git-dir})
     * @param checksum the commit the ref must resolve to ({@code --checksum}), a full hash or a prefix of one
     * @throws IOException when git fails (its last message lines say why), the ref is unknown, the checksum does
     *     not match or the subdirectory is missing
     */
    public Checkout fetch(Path cacheDir, boolean keepGitDir, Optional<String> checksum) throws IOException {
        String commit = resolve();
        if (checksum.isPresent() && (checksum.get().length() < 7 || !commit.startsWith(checksum.get()))) {
            throw new IOException(display() + ": checksum mismatch: expected " + checksum.get() + ", got " + commit);
        }
        Path git = cacheDir.resolve("git");
        Files.createDirectories(git);
        Path target = git.resolve(commit + (keepGitDir ? "-with-git-dir" : ""));
        if (!Files.isDirectory(target)) {
            checkout(commit, git, target, keepGitDir);
        }
        Path dir = target;
        if (!subdir.isEmpty()) {
            dir = target.resolve(subdir).normalize();
            if (!dir.startsWith(target) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                    || !dir.toRealPath().startsWith(target.toRealPath())) {
                throw new IOException(display() + ": no directory \"" + subdir + "\" in commit " + commit);
            }
        }
        return new Checkout(dir, commit);
    }

    /** The commit the ref names now: a commit as given, else what {@code git ls-remote} says. */
    String resolve() throws IOException {
        if (COMMIT.matcher(ref).matches()) {
            return ref;
        }
        String out = git(null, "ls-remote", "--", url);
        List<String> wanted = ref.isEmpty() ? List.of("HEAD")
            : ref.startsWith("refs/") ? List.of(ref + "^{}", ref)
            : List.of("refs/tags/" + ref + "^{}", "refs/tags/" + ref, "refs/heads/" + ref);
        for (String w : wanted) {
            for (String line : out.split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0 && line.substring(tab + 1).equals(w)) {
                    return line.substring(0, tab);
                }
            }
        }
        throw new IOException(display() + ": no branch or tag \"" + (ref.isEmpty() ? "HEAD" : ref) + "\"");
    }

    private void checkout(String commit, Path parent, Path target, boolean keepGitDir) throws IOException {
        Path temp = Files.createTempDirectory(parent, ".checkout-");
        try {
            git(temp, "init", "-q");
            // A fetch by commit needs a server that allows it (protocol v2 does); a ref is fetched by name.
            String what = COMMIT.matcher(ref).matches() ? commit : ref.isEmpty() ? "HEAD" : ref;
            git(temp, "fetch", "-q", "--depth=1", "--no-tags", "--", url, what);
            git(temp, "-c", "advice.detachedHead=false", "checkout", "-q", "--detach", commit);
            git(temp, "-c", "protocol.file.allow=never", "submodule", "update", "-q", "--init", "--recursive",
                "--depth=1");
            if (!keepGitDir) {
                FileTrees.deleteTree(temp.resolve(".git"));
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // Another build checked the same commit out first: theirs is as good.
            }
        } finally {
            FileTrees.deleteTree(temp);
        }
    }

    /** Runs git (in {@code dir} when given); returns its standard output or fails with its last error lines. */
    private String git(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        pb.environment().put("LC_ALL", "C");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException(display() + ": cannot run git (install git to ADD Git sources): " + e.getMessage(),
                e);
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> copy(p.getErrorStream(), err), "git-stderr");
        drain.setDaemon(true);
        drain.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(display() + ": git " + args[0] + " timed out");
            }
            drain.join();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(display() + ": interrupted", e);
        }
        if (p.exitValue() != 0) {
            String[] lines = err.toString(StandardCharsets.UTF_8).strip().split("\n");
            String last = String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 3),
                lines.length));
            throw new IOException(display() + ": git " + args[0] + " failed (exit " + p.exitValue() + ")"
                + (last.isEmpty() ? "" : ": " + last));
        }
        return out;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            // the process ended; what was read is kept
        }
    }

}
