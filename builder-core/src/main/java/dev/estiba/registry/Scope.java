package dev.estiba.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * What a request needs from a token server: pull (and push) on a repository, plus pull on the repository a
 * blob is mounted from.
 */
record Scope(String repository, boolean push, String mountFrom) {

    /** No repository: only proves the credentials (login). */
    static Scope none() {
        return new Scope(null, false, null);
    }

    static Scope pull(String repository) {
        return new Scope(repository, false, null);
    }

    static Scope push(String repository, String mountFrom) {
        return new Scope(repository, true, mountFrom);
    }

    /** The {@code scope} parameters, as docker sends them. */
    List<String> parameters() {
        List<String> scopes = new ArrayList<>();
        if (repository == null) {
            return scopes;
        }
        scopes.add("repository:" + repository + (push ? ":pull,push" : ":pull"));
        if (mountFrom != null && !mountFrom.equals(repository)) {
            scopes.add("repository:" + mountFrom + ":pull");
        }
        return scopes;
    }

    /** A key for the token cache. */
    String key() {
        return String.join(" ", parameters());
    }
}
