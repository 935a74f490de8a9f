package dev.estiba.image;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An index of manifests: an OCI image index (also an OCI layout's index.json) or a Docker manifest list. */
@JsonPropertyOrder({"schemaVersion", "mediaType", "artifactType", "manifests", "subject", "annotations"})
public record ImageIndex(
    @JsonProperty("schemaVersion") int schemaVersion,
    @JsonProperty("mediaType") String mediaType,
    @JsonProperty("artifactType") String artifactType,
    @JsonProperty("manifests") List<Descriptor> manifests,
    @JsonProperty("subject") Descriptor subject,
    @JsonProperty("annotations") Map<String, String> annotations,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements Manifest {

    public ImageIndex {
        if (schemaVersion != 2) {
            throw new IllegalArgumentException("unsupported index schemaVersion " + schemaVersion + " (expected 2)");
        }
        // Docker 25.0.0 wrote "manifests": null (moby#47210); read it as empty.
        manifests = manifests == null ? List.of() : List.copyOf(manifests);
        annotations = ImageJson.copy(annotations);
        extra = ImageJson.extra(extra);
    }

    /** An OCI index of these manifests. */
    public static ImageIndex oci(List<Descriptor> manifests) {
        return new ImageIndex(2, MediaTypes.OCI_INDEX, null, manifests, null, null, null);
    }

    /** A Docker manifest list of these manifests. */
    public static ImageIndex docker(List<Descriptor> manifests) {
        return new ImageIndex(2, MediaTypes.DOCKER_MANIFEST_LIST, null, manifests, null, null, null);
    }

    /** Reads an index, keeping unknown properties. */
    public static ImageIndex parse(byte[] json, String what) {
        if (Manifest.parse(json, what) instanceof ImageIndex i) {
            return i;
        }
        throw new InvalidImageJsonException(what + ": expected an index, found an image manifest");
    }

    @Override
    public String effectiveMediaType() {
        return mediaType == null ? MediaTypes.OCI_INDEX : mediaType;
    }

    public ImageIndex withManifests(List<Descriptor> newManifests) {
        return new ImageIndex(schemaVersion, mediaType, artifactType, newManifests, subject, annotations, extra);
    }

    /** This index with one more entry at the end. */
    public ImageIndex plus(Descriptor entry) {
        List<Descriptor> all = new ArrayList<>(manifests);
        all.add(entry);
        return withManifests(all);
    }
}
