package dev.estiba.context.digest;

import dev.estiba.context.EntryType;

/** What {@code --chmod} makes of an entry's permission bits (the engine parses octal and symbolic forms). */
@FunctionalInterface
public interface ModeRule {
    /** Keeps the context's permission bits. */
    ModeRule KEEP = (type, mode) -> mode;

    /**
     * @param type the entry's kind
     * @param mode its permission bits in the context ({@code 07777})
     * @return the permission bits in the image
     */
    int apply(EntryType type, int mode);
}
