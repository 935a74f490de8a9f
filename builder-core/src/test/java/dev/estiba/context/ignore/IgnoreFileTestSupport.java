package dev.estiba.context.ignore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Reads pattern lines without compiling them, to compare with ReadAll's output for lines that do not compile. */
final class IgnoreFileTestSupport {
    private IgnoreFileTestSupport() {
    }

    static IgnoreFile parseLenient(String content) throws IgnoreFileException {
        // Parse line by line: each line alone, so that "!" lines (rejected when compiled) still show what
        // ReadAll produced. Compiling is covered by badPatternNamesFileAndLine.
        List<String> patterns = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new StringReader(content))) {
            int n = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                n++;
                try {
                    IgnoreFile one = IgnoreFile.parse(".dockerignore", line);
                    patterns.addAll(one.patterns());
                    one.lines().forEach(x -> { });
                    for (int i = 0; i < one.patterns().size(); i++) {
                        lines.add(n);
                    }
                } catch (IgnoreFileException e) {
                    patterns.add("!");
                    lines.add(n);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new IgnoreFile(".dockerignore", patterns, lines, IgnoreFile.NONE.matcher());
    }
}
