package dev.estiba.registry;

import java.util.Objects;

/**
 * A user name and secret for a registry. The secret is a password, or an identity (refresh) token when the
 * user name is {@value #IDENTITY_TOKEN_USER}, as docker's credential helpers mark it.
 */
public record Credential(String username, String secret) {
    /** The user name docker uses for identity tokens. */
    public static final String IDENTITY_TOKEN_USER = "<token>";

    public Credential {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
    }

    /** Whether the secret is an identity token, exchanged for access tokens with an OAuth2 refresh grant. */
    public boolean isIdentityToken() {
        return IDENTITY_TOKEN_USER.equals(username);
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "Credential[" + username + ", ****]";
    }
}
