package dev.estiba.grammar.tree;

/**
 * One string: the rest of the line, trimmed (MAINTAINER, STOPSIGNAL, USER, WORKDIR).
 *
 * @param text the string as written
 * @param range the string
 */
public record PlainText(String text, SourceRange range) implements Arguments {
}
