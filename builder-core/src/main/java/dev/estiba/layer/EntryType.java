package dev.estiba.layer;

/** The kinds of file a layer can hold, with their tar type flags. */
public enum EntryType {
    FILE('0'),
    HARDLINK('1'),
    SYMLINK('2'),
    CHAR_DEVICE('3'),
    BLOCK_DEVICE('4'),
    DIRECTORY('5'),
    FIFO('6');

    private final char tarFlag;

    EntryType(char tarFlag) {
        this.tarFlag = tarFlag;
    }

    /** The ustar type flag. */
    public char tarFlag() {
        return tarFlag;
    }
}
