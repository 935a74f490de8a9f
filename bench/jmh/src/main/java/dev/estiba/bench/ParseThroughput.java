package dev.estiba.bench;

import dev.estiba.grammar.DockerfileParseException;
import dev.estiba.grammar.DockerfileParser;
import dev.estiba.grammar.SourceDecoder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse throughput over the shared corpus (../shared/corpus/dockerfiles, jq templates excluded), steady state. One
 * operation parses every corpus file once; the {@code megabytes} and {@code files} counters are reported per second.
 * The files are read and decoded once, in setup: only parsing is measured.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class ParseThroughput {
    private final List<String> texts = new ArrayList<>();
    private long bytes;

    /** What one operation covered, reported by JMH as rates. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Volume {
        public double megabytes;
        public long files;

        @Setup(Level.Iteration)
        public void clear() {
            megabytes = 0;
            files = 0;
        }
    }

    /**
     * CPU time spent parsing and what it parsed, as totals: on a shared machine the wall-clock rate above is what
     * this thread was given, while megabytes over CPU seconds is what the parser does with a core.
     */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class CpuTime {
        public double cpuSeconds;
        public double megabytesOnCpu;

        @Setup(Level.Iteration)
        public void clear() {
            cpuSeconds = 0;
            megabytesOnCpu = 0;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Setup
    public void load() throws IOException {
        Path corpus = corpus();
        List<String> rows = Files.readAllLines(corpus.resolve("MANIFEST.tsv"));
        for (String row : rows.subList(1, rows.size())) {
            String[] cols = row.split("\t", -1);
            if (cols.length > 7 && cols[7].contains("template")) {
                continue;
            }
            byte[] b = Files.readAllBytes(corpus.resolve(cols[0]));
            texts.add(SourceDecoder.decode(b));
            bytes += b.length;
        }
        System.out.printf("%ncorpus: %d files, %d bytes (%s)%n", texts.size(), bytes, corpus);
    }

    @Benchmark
    public void parseCorpus(Volume volume, CpuTime cpu, Blackhole bh) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        for (String text : texts) {
            try {
                bh.consume(DockerfileParser.parse("Dockerfile", text));
            } catch (DockerfileParseException e) {
                throw new IllegalStateException("corpus file failed to parse: " + e.getMessage(), e);
            }
        }
        cpu.cpuSeconds += (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        cpu.megabytesOnCpu += bytes / 1e6;
        volume.megabytes += bytes / 1e6;
        volume.files += texts.size();
    }

    private static Path corpus() {
        String given = System.getProperty("estiba.corpus");
        if (given != null) {
            return Paths.get(given);
        }
        Path p = Paths.get("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) {
            p = p.getParent();
        }
        Path root = p == null ? Paths.get("").toAbsolutePath() : p;
        Path corpus = root.resolve("../shared/corpus/dockerfiles").normalize();
        if (!Files.isRegularFile(corpus.resolve("MANIFEST.tsv"))) {
            throw new IllegalStateException("no corpus at " + corpus + "; pass -Destiba.corpus=DIR");
        }
        return corpus;
    }
}
