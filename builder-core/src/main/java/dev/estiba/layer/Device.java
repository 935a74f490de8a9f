package dev.estiba.layer;

/** The major and minor numbers of a character or block device. */
public record Device(int major, int minor) {
    public Device {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("negative device number " + major + "," + minor);
        }
    }
}
