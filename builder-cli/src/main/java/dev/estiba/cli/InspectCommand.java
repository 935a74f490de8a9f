package dev.estiba.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.estiba.format.NamedImage;
import dev.estiba.format.OpenedSource;
import dev.estiba.format.OpenedTree;
import dev.estiba.image.Descriptor;
import dev.estiba.image.Digest;
import dev.estiba.image.ExecutionConfig;
import dev.estiba.image.HistoryEntry;
import dev.estiba.image.Image;
import dev.estiba.image.ImageConfig;
import dev.estiba.image.ImageJson;
import dev.estiba.image.ImageTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code estiba inspect SRC}: what skopeo inspect and docker history show, without pulling anything apart. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = {"Show an image: digest, platform, creation time, layers, config and history.",
        "SRC is oci:DIR[:TAG], oci-archive:FILE[:TAG], docker-archive:FILE[:NAME:TAG], or a name or id in the "
            + "local store."})
final class InspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SRC", description = "The image.")
    String source;

    static final class Part {
        @Option(names = "--config", description = "Print the config exactly as stored.")
        boolean config;
        @Option(names = "--manifest", description = "Print the manifest exactly as stored.")
        boolean manifest;
        @Option(names = "--layers", description = "List the layers: digest, size, media type, diff id.")
        boolean layers;
        @Option(names = "--history", description = "List the history, newest first, like docker history.")
        boolean history;
        @Option(names = "--raw", description = "Print the top manifest or multi-platform index exactly as stored "
            + "(as skopeo inspect --raw).")
        boolean raw;
    }

    @ArgGroup(exclusive = true)
    Part part = new Part();

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
        description = "Output for the summary, --layers and --history (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
        description = "The platform to take from a multi-platform index, e.g. linux/arm64/v8.")
    String platform;

    @Mixin
    CacheDirOption cache;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new InputException("estiba: unknown format \"" + format + "\" (expected text or json)");
        }
        boolean json = format.equals("json");
        PrintWriter out = spec.commandLine().getOut();
        boolean summary = !part.config && !part.manifest && !part.layers && !part.history;
        if (part.raw || (summary && platform == null)) {
            try (OpenedTree opened = ImageLocator.openTree(source, cache)) {
                if (part.raw) {
                    out.println(new String(opened.tree().top().bytes(), StandardCharsets.UTF_8));
                    out.flush();
                    return ExitCodes.OK;
                }
                if (opened.tree().isIndex()) {
                    printIndex(out, opened, json);
                    out.flush();
                    return ExitCodes.OK;
                }
            } catch (IOException e) {
                throw Failures.of(e);
            }
        }
        try (OpenedSource opened = ImageLocator.open(source, cache, platform)) {
            NamedImage named = opened.only();
            Image image = named.image();
            if (part.config) {
                out.println(new String(image.config().bytes(), StandardCharsets.UTF_8));
            } else if (part.manifest) {
                out.println(new String(image.manifest().bytes(), StandardCharsets.UTF_8));
            } else if (part.layers) {
                printLayers(out, image, json);
            } else if (part.history) {
                printHistory(out, image, json);
            } else if (json) {
                out.println(ImageJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary(named)));
            } else {
                printSummary(out, named);
            }
            out.flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            throw Failures.of(e);
        }
    }

    /**
     * A multi-platform index: its digest and media type, then one row per platform (digest, size, media type),
     * or the same as JSON ({@code Manifests} holding each entry's descriptor as the index has it).
     */
    private void printIndex(PrintWriter out, OpenedTree opened, boolean json) throws IOException {
        ImageTree tree = opened.tree();
        if (json) {
            ObjectNode o = ImageJson.mapper().createObjectNode();
            o.put("Name", source);
            o.put("Digest", tree.digest().toString());
            o.put("MediaType", tree.mediaType());
            ArrayNode entries = o.putArray("Manifests");
            for (Descriptor d : tree.entries()) {
                entries.add(ImageJson.mapper().valueToTree(d));
            }
            out.println(ImageJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(o));
            return;
        }
        row(out, "Name", source);
        if (opened.name() != null) {
            row(out, "Tag", opened.name());
        }
        row(out, "Digest", tree.digest().toString());
        row(out, "Media type", tree.mediaType());
        row(out, "Platforms", Integer.toString(tree.entries().size()));
        out.printf("%-20s  %-71s  %8s  %s%n", "PLATFORM", "DIGEST", "SIZE", "MEDIA TYPE");
        for (Descriptor d : tree.entries()) {
            out.printf("%-20s  %-71s  %8s  %s%n", d.platform() == null ? "-" : d.platform().toString(), d.digest(),
                Sizes.human(d.size()), d.mediaType());
        }
    }

    /** The JSON summary, with the field names skopeo inspect uses. */
    private ObjectNode summary(NamedImage named) {
        Image image = named.image();
        ImageConfig c = image.config().value();
        ExecutionConfig e = c.executionConfig();
        ObjectNode o = ImageJson.mapper().createObjectNode();
        o.put("Name", source);
        o.put("Digest", image.manifest().digest().toString());
        ArrayNode tags = o.putArray("RepoTags");
        if (named.name() != null) {
            tags.add(named.name());
        }
        o.put("ImageID", image.id().toString());
        o.put("MediaType", image.manifest().value().effectiveMediaType());
        o.put("Created", c.created());
        o.put("Author", c.author());
        o.put("Architecture", c.architecture());
        o.put("Os", c.os());
        if (c.variant() != null) {
            o.put("Variant", c.variant());
        }
        ArrayNode layers = o.putArray("Layers");
        ArrayNode data = o.putArray("LayersData");
        for (Descriptor d : image.layers()) {
            layers.add(d.digest().toString());
            ObjectNode l = data.addObject();
            l.put("MIMEType", d.mediaType());
            l.put("Digest", d.digest().toString());
            l.put("Size", d.size());
        }
        o.set("Env", ImageJson.mapper().valueToTree(e.env() == null ? List.of() : e.env()));
        o.set("Labels", ImageJson.mapper().valueToTree(e.labels()));
        o.set("Config", ImageJson.mapper().valueToTree(e));
        return o;
    }

    private void printSummary(PrintWriter out, NamedImage named) {
        Image image = named.image();
        ImageConfig c = image.config().value();
        ExecutionConfig e = c.executionConfig();
        long total = image.layers().stream().mapToLong(Descriptor::size).sum();
        row(out, "Name", source);
        if (named.name() != null) {
            row(out, "Tag", named.name());
        }
        row(out, "Digest", image.manifest().digest().toString());
        row(out, "Image ID", image.id().toString());
        row(out, "Media type", image.manifest().value().effectiveMediaType());
        row(out, "Platform", c.platform().toString());
        row(out, "Created", c.created());
        row(out, "Author", c.author());
        row(out, "Layers", image.layers().size() + " (" + Sizes.human(total) + ")");
        row(out, "User", e.user());
        row(out, "Working dir", e.workingDir());
        row(out, "Entrypoint", json(e.entrypoint()));
        row(out, "Cmd", json(e.cmd()));
        row(out, "Shell", json(e.shell()));
        row(out, "Exposed ports", e.exposedPorts() == null ? null : String.join(" ", e.exposedPorts()));
        row(out, "Volumes", e.volumes() == null ? null : String.join(" ", e.volumes()));
        row(out, "Stop signal", e.stopSignal());
        if (e.env() != null) {
            e.env().forEach(v -> row(out, "Env", v));
        }
        if (e.labels() != null) {
            e.labels().forEach((k, v) -> row(out, "Label", k + "=" + v));
        }
    }

    private static String json(List<String> list) {
        return list == null ? null : new String(ImageJson.write(list), StandardCharsets.UTF_8);
    }

    private static void row(PrintWriter out, String key, String value) {
        if (value != null) {
            out.printf("%-14s %s%n", key + ":", value);
        }
    }

    private void printLayers(PrintWriter out, Image image, boolean json) throws IOException {
        List<Digest> diffIds = image.config().value().rootfs().diffIds();
        if (json) {
            ArrayNode a = ImageJson.mapper().createArrayNode();
            for (int i = 0; i < image.layers().size(); i++) {
                Descriptor d = image.layers().get(i);
                ObjectNode l = a.addObject();
                l.put("digest", d.digest().toString());
                l.put("size", d.size());
                l.put("mediaType", d.mediaType());
                l.put("diffId", diffIds.get(i).toString());
            }
            out.println(ImageJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(a));
            return;
        }
        out.printf("%-71s  %8s  %-50s  %s%n", "DIGEST", "SIZE", "MEDIA TYPE", "DIFF ID");
        for (int i = 0; i < image.layers().size(); i++) {
            Descriptor d = image.layers().get(i);
            out.printf("%-71s  %8s  %-50s  %s%n", d.digest(), Sizes.human(d.size()), d.mediaType(), diffIds.get(i));
        }
    }

    /** History rows newest first; rows with a layer show that layer's size. */
    private void printHistory(PrintWriter out, Image image, boolean json) throws IOException {
        List<HistoryEntry> rows = image.config().value().history() == null ? List.of()
            : image.config().value().history();
        List<String> sizes = new ArrayList<>();
        int layer = 0;
        for (HistoryEntry h : rows) {
            if (h.hasLayer() && layer < image.layers().size()) {
                sizes.add(Long.toString(image.layers().get(layer++).size()));
            } else {
                sizes.add(null);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            order.add(i);
        }
        Collections.reverse(order);
        if (json) {
            ArrayNode a = ImageJson.mapper().createArrayNode();
            for (int i : order) {
                ObjectNode o = (ObjectNode) ImageJson.mapper().valueToTree(rows.get(i));
                if (sizes.get(i) != null) {
                    o.put("size", Long.parseLong(sizes.get(i)));
                }
                a.add(o);
            }
            out.println(ImageJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(a));
            return;
        }
        out.printf("%-20s  %-60s  %8s  %s%n", "CREATED", "CREATED BY", "SIZE", "COMMENT");
        for (int i : order) {
            HistoryEntry h = rows.get(i);
            String by = h.createdBy() == null ? "" : h.createdBy().replace('\n', ' ');
            if (by.length() > 60) {
                by = by.substring(0, 57) + "...";
            }
            out.printf("%-20s  %-60s  %8s  %s%n", h.created() == null ? "" : h.created(), by,
                sizes.get(i) == null ? "0B" : Sizes.human(Long.parseLong(sizes.get(i))),
                h.comment() == null ? "" : h.comment());
        }
    }
}
