package dev.estiba.build;

import java.nio.file.Path;

/**
 * Test helper run in its own JVM: builds {@code args[0]} (a Dockerfile) with context {@code args[1]} and cache dir
 * {@code args[2]}, build arg {@code WHO=args[3]}; exits 1 with the message when the build fails.
 */
public final class CacheMountBuildMain {
    private CacheMountBuildMain() {
    }

    public static void main(String[] args) throws Exception {
        try {
            Build.dockerfile(Path.of(args[0])).context(Path.of(args[1])).cacheDir(Path.of(args[2]))
                .buildArg("WHO", args[3]).run();
        } catch (BuildException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }
}
