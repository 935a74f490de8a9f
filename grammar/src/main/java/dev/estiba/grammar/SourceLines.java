package dev.estiba.grammar;

/** Finding the physical line around a source offset, for error messages. */
final class SourceLines {
    private SourceLines() {
    }

    /** The physical line holding {@code offset}, without its line ending. */
    static String lineAt(String src, int offset) {
        int at = Math.min(offset, src.length());
        int a = src.lastIndexOf('\n', at - 1) + 1;
        int b = src.indexOf('\n', at);
        if (b < 0) {
            b = src.length();
        }
        while (b > a && src.charAt(b - 1) == '\r') {
            b--;
        }
        return src.substring(a, b);
    }
}
