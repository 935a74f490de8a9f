package dev.estiba.format;

import dev.estiba.image.Descriptor;
import dev.estiba.image.Image;
import dev.estiba.layer.TarWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the docker-save shape of Docker 24 and older ({@code ID/layer.tar}, {@code ID/json}), for tests. */
final class LegacyDockerSave {
    private LegacyDockerSave() {
    }

    static void write(Path file, Image image, String tag) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); TarWriter tar = new TarWriter(out)) {
            StringBuilder layers = new StringBuilder();
            String last = null;
            for (Descriptor l : image.layers()) {
                String id = l.digest().hex();
                dir(tar, id);
                file(tar, id + "/VERSION", "1.0".getBytes(StandardCharsets.US_ASCII));
                file(tar, id + "/json", ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.US_ASCII));
                try (InputStream in = image.open(l)) {
                    tar.write(new TarWriter.Header(id + "/layer.tar", '0', 0644, 0, 0, l.size(), 0, null, null, null), in);
                }
                layers.append(layers.length() == 0 ? "" : ",").append('"').append(id).append("/layer.tar\"");
                last = id;
            }
            String configName = image.id().hex() + ".json";
            file(tar, configName, image.config().bytes());
            file(tar, "manifest.json", ("[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"" + tag + "\"],\"Layers\":["
                + layers + "]}]").getBytes(StandardCharsets.UTF_8));
            String name = tag.substring(0, tag.lastIndexOf(':'));
            file(tar, "repositories", ("{\"" + name + "\":{\"" + tag.substring(tag.lastIndexOf(':') + 1) + "\":\"" + last
                + "\"}}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void dir(TarWriter tar, String name) throws IOException {
        tar.write(new TarWriter.Header(name + "/", '5', 0755, 0, 0, 0, 0, null, null, null), null);
    }

    private static void file(TarWriter tar, String name, byte[] bytes) throws IOException {
        tar.write(new TarWriter.Header(name, '0', 0644, 0, 0, bytes.length, 0, null, null, null),
            new ByteArrayInputStream(bytes));
    }
}
