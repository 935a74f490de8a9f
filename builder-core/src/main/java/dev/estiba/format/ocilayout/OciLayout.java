package dev.estiba.format.ocilayout;

/** Names and constants of the OCI image layout. */
public final class OciLayout {
    public static final String LAYOUT_FILE = "oci-layout";
    public static final String INDEX_FILE = "index.json";
    /** The content of {@code oci-layout}. */
    public static final String LAYOUT_JSON = "{\"imageLayoutVersion\":\"1.0.0\"}";

    private OciLayout() {
    }
}
