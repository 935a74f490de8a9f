package dev.estiba.format;

import dev.estiba.image.Image;

/** An image with the name a source gives it ({@code NAME:TAG}), or null when it has none. */
public record NamedImage(String name, Image image) {
}
