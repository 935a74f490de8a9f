package dev.estiba.lint.report;

import dev.estiba.lint.FileResult;
import dev.estiba.lint.Finding;
import dev.estiba.lint.Severity;
import java.io.IOException;
import java.util.List;

/**
 * Text for people: {@code Dockerfile:12:5 DL3008 warning: message}, then the source line and a caret
 * under the column. Colour (ANSI) when asked for, by severity.
 */
final class TextReport implements ReportWriter {
    private static final String RESET = "\u001b[0m";
    private final boolean color;

    TextReport(boolean color) {
        this.color = color;
    }

    @Override
    public void write(List<FileResult> results, Appendable out) throws IOException {
        for (FileResult r : results) {
            for (Finding f : r.findings()) {
                out.append(paint("\u001b[1m", r.file() + ":" + f.range().line() + ":" + f.range().column()))
                    .append(' ').append(f.rule()).append(' ')
                    .append(paint(colorOf(f.severity()), f.severity().label())).append(": ")
                    .append(f.message()).append('\n');
                String line = r.sourceLine(f.range().line());
                if (!line.isBlank()) {
                    out.append("  ").append(line).append('\n').append("  ");
                    for (int i = 0; i < Math.min(f.range().column() - 1, line.length()); i++) {
                        out.append(line.charAt(i) == '\t' ? '\t' : ' ');
                    }
                    out.append(paint(colorOf(f.severity()), "^")).append('\n');
                }
            }
        }
    }

    private String paint(String code, String text) {
        return color ? code + text + RESET : text;
    }

    private static String colorOf(Severity s) {
        return switch (s) {
            case ERROR -> "\u001b[31m";
            case WARNING -> "\u001b[33m";
            case INFO -> "\u001b[36m";
            case STYLE, IGNORE -> "\u001b[37m";
        };
    }
}
