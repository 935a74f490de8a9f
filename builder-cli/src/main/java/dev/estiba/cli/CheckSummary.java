package dev.estiba.cli;

import dev.estiba.lint.FileResult;
import dev.estiba.lint.Finding;
import dev.estiba.lint.RuleCatalog;
import dev.estiba.lint.RuleInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The BuildKit build checks' findings as buildx prints them: the short list during a build, the long form for --check. */
final class CheckSummary {
    private CheckSummary() {
    }

    /** {@code 2 warnings found (...):} then one {@code  - Rule: message (line N)} per finding. */
    static List<String> brief(List<Finding> findings) {
        List<String> out = new ArrayList<>();
        out.add((findings.size() == 1 ? "1 warning found" : findings.size() + " warnings found")
            + " (use estiba build --check to expand):");
        for (Finding f : findings) {
            out.add(" - " + f.rule() + ": " + f.message() + " (line " + f.range().line() + ")");
        }
        return out;
    }

    /** buildx's {@code --check} report: a verdict, then each finding with its link and source line. */
    static void full(FileResult r, PrintWriter out) {
        List<Finding> findings = r.findings();
        if (findings.isEmpty()) {
            out.println("Check complete, no warnings found.");
            return;
        }
        out.println("Check complete, " + (findings.size() == 1 ? "1 warning has" : findings.size() + " warnings have")
            + " been found!");
        for (Finding f : findings) {
            RuleInfo info = RuleCatalog.get(f.rule());
            String uri = info == null ? null : info.upstreamUri();
            out.println();
            out.println((f.severity() == dev.estiba.lint.Severity.ERROR ? "ERROR: " : "WARNING: ") + f.rule()
                + (uri == null ? "" : " - " + uri));
            out.println(f.message());
            out.println(r.file() + ":" + f.range().line());
            out.println("--------------------");
            out.printf("%4d | >>> %s%n", f.range().line(), r.sourceLine(f.range().line()));
            out.println("--------------------");
        }
    }
}
