package dev.estiba.build.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GitSourceTest {
    @Test
    void tellsGitSourcesAsBuildKitDoes() {
        record Case(String source, boolean git) {
        }
        List<Case> cases = List.of(
            new Case("git://example.com/repo.git", true),
            new Case("git://example.com/repo", true),
            new Case("ssh://git@example.com/repo.git#main", true),
            new Case("git@github.com:moby/buildkit.git#v0.13.0:docs", true),
            new Case("user@example.com:repo", true),
            new Case("https://example.com/repo.git", true),
            new Case("https://example.com/repo.git#main:sub", true),
            new Case("https://example.com/repo.git/", true),
            new Case("https://example.com/file.tar.gz", false),
            new Case("https://example.com/repo", false),
            new Case("http://example.com/x.git.tar", false),
            new Case("src/app.git", false),
            new Case("app", false),
            new Case("dir/a@b:c", false));
        for (Case c : cases) {
            assertEquals(c.git(), GitSource.isGit(c.source()), c.source());
        }
    }

    @Test
    void splitsTheFragmentIntoRefAndSubdirectory() {
        record Case(String source, GitSource parsed) {
        }
        List<Case> cases = List.of(
            new Case("git://h/r.git", new GitSource("git://h/r.git", "", "")),
            new Case("git://h/r.git#v1", new GitSource("git://h/r.git", "v1", "")),
            new Case("git://h/r.git#v1:docs/api", new GitSource("git://h/r.git", "v1", "docs/api")),
            new Case("git://h/r.git#:/docs", new GitSource("git://h/r.git", "", "docs")),
            new Case("git@h:r.git#refs/pull/1/head", new GitSource("git@h:r.git", "refs/pull/1/head", "")));
        for (Case c : cases) {
            assertEquals(c.parsed(), GitSource.parse(c.source()), c.source());
        }
    }
}
