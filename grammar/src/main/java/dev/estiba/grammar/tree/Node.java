package dev.estiba.grammar.tree;

/** Anything in the tree that comes from a stretch of the source. */
public interface Node {
    /** Where the node is in the source. */
    SourceRange range();
}
