package dev.estiba.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import dev.estiba.image.Image;
import dev.estiba.image.ImageJson;
import dev.estiba.image.ImageTree;
import dev.estiba.store.ImageStore;
import dev.estiba.store.StoredImages;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code estiba images}: the local store's images, like docker images. */
@Command(name = "images", mixinStandardHelpOptions = true,
    description = "List the images in the local store: name, tag, image id, creation time, size.")
final class ImagesCommand implements Callable<Integer> {

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
        description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    CacheDirOption cache;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!format.equals("table") && !format.equals("json")) {
            throw new InputException("estiba: unknown format \"" + format + "\" (expected table or json)");
        }
        PrintWriter out = spec.commandLine().getOut();
        ImageStore store = cache.images();
        try {
            ArrayNode json = ImageJson.mapper().createArrayNode();
            if (format.equals("table")) {
                out.printf("%-40s %-15s %-12s %-25s %s%n", "REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE");
            }
            for (Map.Entry<String, Digest> e : store.list().entrySet()) {
                String name = e.getKey();
                int colon = name.lastIndexOf(':');
                ImageTree tree = ImageTree.read(store.blobs().read(e.getValue()), store.blobs()::open, name);
                if (tree.isIndex()) {
                    // A whole multi-platform index (pull --all): its digest stands for the id, all platforms' size.
                    long size = tree.walk().stream().mapToLong(b -> b.descriptor().size()).sum();
                    if (format.equals("json")) {
                        ObjectNode o = json.addObject();
                        o.put("Repository", name.substring(0, colon));
                        o.put("Tag", name.substring(colon + 1));
                        o.put("ID", tree.digest().toString());
                        o.put("Digest", tree.digest().toString());
                        o.put("Size", size);
                        ArrayNode platforms = o.putArray("Platforms");
                        tree.entries().forEach(d -> platforms.add(d.platform() == null ? null : d.platform().toString()));
                    } else {
                        out.printf("%-40s %-15s %-12s %-25s %s%n", name.substring(0, colon), name.substring(colon + 1),
                            tree.digest().shortHex(), "(" + tree.entries().size() + " platforms)", Sizes.human(size));
                    }
                    continue;
                }
                Image image = StoredImages.read(store.blobs(), e.getValue());
                long size = image.config().size() + image.layers().stream().mapToLong(Descriptor::size).sum();
                String created = image.config().value().created();
                if (format.equals("json")) {
                    ObjectNode o = json.addObject();
                    o.put("Repository", name.substring(0, colon));
                    o.put("Tag", name.substring(colon + 1));
                    o.put("ID", image.id().toString());
                    o.put("Digest", e.getValue().toString());
                    o.put("Created", created);
                    o.put("Size", size);
                } else {
                    out.printf("%-40s %-15s %-12s %-25s %s%n", name.substring(0, colon), name.substring(colon + 1),
                        image.id().shortHex(), created == null ? "" : created, Sizes.human(size));
                }
            }
            if (format.equals("json")) {
                out.println(ImageJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
            }
            out.flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            throw Failures.of(e);
        } catch (IllegalArgumentException e) {
            throw Failures.of(e);
        }
    }
}
