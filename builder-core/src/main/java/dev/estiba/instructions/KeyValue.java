package dev.estiba.instructions;

/** One ENV or LABEL pair. Before expansion, key and value are as written (quotes kept). */
public record KeyValue(String key, String value) {
}
