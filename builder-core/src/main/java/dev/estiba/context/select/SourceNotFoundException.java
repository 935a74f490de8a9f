package dev.estiba.context.select;

/**
 * A source that is not in the tree: {@code "app.jar": not found in the build context}, with the ignore
 * file line that excluded it when the file exists but {@code .dockerignore} left it out. The engine prefixes
 * the Dockerfile position ({@code Dockerfile:7: COPY failed: }).
 */
public final class SourceNotFoundException extends SourceException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String excludedBy;

    /**
     * @param source     the source as written in the Dockerfile
     * @param where      the tree searched ({@code the build context}, {@code stage "build"})
     * @param excludedBy the ignore file line that excluded it ({@code .dockerignore:3 ("*.jar")}), or null
     */
    public SourceNotFoundException(String source, String where, String excludedBy) {
        super("\"" + source + "\": not found in " + where
            + (excludedBy == null ? "" : ": excluded by " + excludedBy), null);
        this.source = source;
        this.excludedBy = excludedBy;
    }

    /** The source as written. */
    public String source() {
        return source;
    }

    /** The ignore file line that excluded the source, or null when it does not exist at all. */
    public String excludedBy() {
        return excludedBy;
    }
}
