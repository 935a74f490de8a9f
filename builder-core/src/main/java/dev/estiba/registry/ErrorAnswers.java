package dev.estiba.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Turns a registry's unexpected answers into errors that name the operation, registry and reference. */
final class ErrorAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Authenticator authenticator;

    ErrorAnswers(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** The error for an unexpected answer, with the registry's own error code and message when it sent one. */
    IOException failure(String what, ImageReference repo, int status, InputStream body, String thing) {
        String detail = registryErrors(body);
        String suffix = detail.isEmpty() ? " (HTTP " + status + ")" : " (HTTP " + status + ": " + detail + ")";
        if (status >= 500 || status == 429) {
            return new Retrier.RetryableException(RegistryException.Kind.PROTOCOL,
                "registry " + repo.registry() + " answered" + suffix, null);
        }
        String message;
        RegistryException.Kind kind;
        switch (status) {
            case 401 -> {
                Optional<Credential> cred;
                try {
                    cred = authenticator.credential(repo);
                } catch (RegistryException e) {
                    cred = Optional.empty();
                }
                kind = RegistryException.Kind.UNAUTHORIZED;
                message = "registry " + repo.registry() + " refused " + Authenticator.who(cred)
                    + (cred.isEmpty() ? " (log in with: estiba login " + repo.registry() + ")" : "");
            }
            case 403 -> {
                kind = RegistryException.Kind.DENIED;
                message = "registry " + repo.registry() + " denied access";
            }
            case 407 -> {
                kind = RegistryException.Kind.UNAUTHORIZED;
                message = "the proxy to " + repo.registry() + " wants credentials (put them in the proxy URL: "
                    + "HTTPS_PROXY or HTTP_PROXY=http://USER:PASSWORD@HOST:PORT)";
            }
            case 404 -> {
                kind = RegistryException.Kind.NOT_FOUND;
                message = thing + " not found in registry " + repo.registry();
            }
            default -> {
                kind = RegistryException.Kind.PROTOCOL;
                message = "registry " + repo.registry() + " rejected the request";
            }
        }
        return new RegistryException(kind, what + ": " + message + suffix);
    }

    /** {@code CODE: message} of each entry of the distribution API's {@code errors} list. */
    static String registryErrors(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(64 * 1024);
            JsonNode tree = JSON.readTree(bytes);
            StringBuilder out = new StringBuilder();
            for (JsonNode e : tree.path("errors")) {
                out.append(out.length() == 0 ? "" : "; ").append(e.path("code").asText("?"));
                String msg = e.path("message").asText("");
                if (!msg.isEmpty()) {
                    out.append(": ").append(msg);
                }
            }
            return out.toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static IOException readFailure(ImageReference repo, IOException e) {
        if (e instanceof RegistryException || e instanceof Retrier.RetryableException) {
            return e;
        }
        return HttpTransport.retryable(repo.apiHost(), e);
    }

}
